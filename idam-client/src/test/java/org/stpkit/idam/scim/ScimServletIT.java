package org.stpkit.idam.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.AccessRule;
import org.stpkit.idam.AttributeMatch;
import org.stpkit.idam.Grant;
import org.stpkit.idam.Grants;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.Reconciler;
import org.stpkit.idam.SharedKeycloakAccess;
import org.stpkit.testsupport.KeycloakServer;
import org.stpkit.testsupport.TestWebServer;

/**
 * The SCIM servlet in Jetty, driven over HTTP by a SCIM client as an HR system or identity provider
 * would, against a real Keycloak: create, read, filter and page, replace, PATCH, delete, RFC 7644
 * errors, bearer tokens, and the leaver fuse.
 */
class ScimServletIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "scim-test-token-0123456789abcdef-0123456789";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static KeycloakServer keycloak;
  private static Reconciler reconciler;
  private static ScimProvisioning fused;
  private static TestWebServer jetty;
  private static String base;
  private static String fusedBase;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    keycloak = SharedKeycloakAccess.jml();
    AccessPolicy policy = AccessPolicy.builder().managedBy("test-scim")
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("visas", List.of(AttributeMatch.equalTo("department", "Visas")),
            Grants.of(Grant.group("/caseworking/visas"))))
        .rule(new AccessRule("asylum", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(Grant.group("/caseworking/asylum"))))
        .build();
    KeycloakConnection connection = SharedKeycloakAccess.serviceAccount(keycloak);
    reconciler = Reconciler.builder().connection(connection).policy(policy)
        .auditLog(folder.resolve("scim-audit.jsonl")).build();
    ScimProvisioning provisioning = ScimProvisioning.builder().reconciler(reconciler).bearerToken(TOKEN).build();
    fused = fusedProvisioning();
    jetty = TestWebServer.start()
        .serve("/scim/v2/*", new ScimServlet(provisioning))
        .serve("/fused/scim/v2/*", new ScimServlet(fused));
    base = jetty.url("/scim/v2");
    fusedBase = jetty.url("/fused/scim/v2");
  }

  /** The fused endpoint's provisioning, as the service builds it at every start. */
  private static ScimProvisioning fusedProvisioning() {
    return ScimProvisioning.builder().reconciler(reconciler).bearerToken(TOKEN).leaverFuse(2, Duration.ofHours(1))
        .fuseState(folder.resolve("leaver-fuse.json")).build();
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    reconciler.close();
  }

  private record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  private static Answer send(String method, String path, String body, String token) throws Exception {
    return send(base, method, path, body, token);
  }

  private static Answer send(String at, String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(at + path))
        .header("Content-Type", "application/scim+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()),
        response);
  }

  private static Answer send(String method, String path, String body) throws Exception {
    return send(method, path, body, TOKEN);
  }

  private static Answer fuse(String method, String path, String body) throws Exception {
    return send(fusedBase, method, path, body, TOKEN);
  }

  private static String user(String employeeNumber, String userName, String department, boolean active) {
    return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
         "externalId": "%s", "userName": "%s", "active": %s,
         "name": {"givenName": "Given", "familyName": "%s"},
         "emails": [{"value": "%s@example.gov.uk", "primary": true}],
         "%s": {"employeeNumber": "%s", "department": "%s"}}
        """.formatted(ENTERPRISE, employeeNumber, userName, active, employeeNumber, userName, ENTERPRISE,
        employeeNumber, department);
  }

  private static JsonNode keycloakUser(String username) throws Exception {
    JsonNode found = keycloak.admin("GET", "/stp-jml/users?exact=true&username=" + username, null);
    assertThat(found).as(username).hasSize(1);
    return found.get(0);
  }

  private static List<String> groups(String username) throws Exception {
    List<String> paths = new java.util.ArrayList<>();
    keycloak.admin("GET", "/stp-jml/users/" + keycloakUser(username).path("id").asText() + "/groups", null)
        .forEach(group -> paths.add(group.path("path").asText()));
    return paths;
  }

  @Test
  void requestsWithoutAKnownBearerTokenAreRefused() throws Exception {
    Answer none = send("GET", "/Users", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(none.body().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(send("GET", "/Users", null, "wrong-token-wrong-token-wrong-token").status()).isEqualTo(401);
  }

  @Test
  void aJoinerIsCreatedReadFilteredReplacedPatchedAndDeleted() throws Exception {
    Answer created = send("POST", "/Users", user("S1", "scim.one", "Visas", true));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.body().path("id").asText()).isEqualTo("S1");
    assertThat(created.body().path("meta").path("location").asText()).isEqualTo(base + "/Users/S1");
    assertThat(groups("scim.one")).containsExactlyInAnyOrder("/staff", "/caseworking/visas");
    assertThat(send("POST", "/Users", user("S1", "scim.one", "Visas", true)).body().path("scimType").asText())
        .isEqualTo("uniqueness");

    assertThat(send("GET", "/Users/S1", null).body().path("userName").asText()).isEqualTo("scim.one");
    assertThat(send("GET", "/Users/NOBODY", null).status()).isEqualTo(404);
    Answer byName = send("GET", "/Users?filter=" + URLEncoder.encode("userName eq \"scim.one\"", StandardCharsets.UTF_8), null);
    assertThat(byName.body().path("totalResults").asInt()).isEqualTo(1);
    assertThat(byName.body().path("Resources").get(0).path("id").asText()).isEqualTo("S1");
    Answer byExternalId = send("GET", "/Users?filter=" + URLEncoder.encode("externalId eq \"S1\"", StandardCharsets.UTF_8), null);
    assertThat(byExternalId.body().path("Resources")).hasSize(1);

    Answer replaced = send("PUT", "/Users/S1", user("S1", "scim.one", "Asylum", true));
    assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
    assertThat(groups("scim.one")).containsExactlyInAnyOrder("/staff", "/caseworking/asylum");
    assertThat(send("PUT", "/Users/S1", user("S2", "scim.one", "Asylum", true)).body().path("scimType").asText())
        .isEqualTo("mutability");

    Answer renamed = send("PATCH", "/Users/S1", """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [{"op": "replace", "path": "name.familyName", "value": "Renamed"},
                        {"op": "Replace", "path": "%s:department", "value": "Visas"}]}
        """.formatted(ENTERPRISE));
    assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
    assertThat(keycloakUser("scim.one").path("lastName").asText()).isEqualTo("Renamed");
    assertThat(groups("scim.one")).containsExactlyInAnyOrder("/staff", "/caseworking/visas");

    Answer deleted = send("DELETE", "/Users/S1", null);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(keycloakUser("scim.one").path("enabled").asBoolean()).isFalse();
    assertThat(send("GET", "/Users/S1", null).body().path("active").asBoolean()).isFalse();
  }

  @Test
  void listsArePagedInEmployeeNumberOrder() throws Exception {
    for (String number : List.of("P3", "P1", "P2")) {
      assertThat(send("POST", "/Users", user(number, "scim.page." + number.toLowerCase(), "Visas", true)).status())
          .isEqualTo(201);
    }
    Answer page = send("GET", "/Users?filter=" + URLEncoder.encode("userName eq \"scim.page.p2\"", StandardCharsets.UTF_8)
        + "&startIndex=1&count=5", null);
    assertThat(page.body().path("Resources")).hasSize(1);
    Answer all = send("GET", "/Users?startIndex=2&count=1", null);
    assertThat(all.body().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(all.body().path("startIndex").asInt()).isEqualTo(2);
    assertThat(all.body().path("itemsPerPage").asInt()).isEqualTo(1);
    assertThat(all.body().path("totalResults").asInt()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void badInputGetsAScimErrorNamingTheProblem() throws Exception {
    Answer nameless = send("POST", "/Users", """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "B1", "userName": "scim.bad"}
        """);
    assertThat(nameless.status()).isEqualTo(400);
    assertThat(nameless.body().path("scimType").asText()).isEqualTo("invalidValue");
    assertThat(nameless.body().path("detail").asText()).contains("givenName is required", "familyName is required");
    assertThat(nameless.body().path("status").asText()).isEqualTo("400");

    assertThat(send("POST", "/Users", "{not json").body().path("scimType").asText()).isEqualTo("invalidSyntax");
    assertThat(send("GET", "/Users?filter=" + URLEncoder.encode("title co \"x\"", StandardCharsets.UTF_8), null)
        .body().path("scimType").asText()).isEqualTo("invalidFilter");
    assertThat(send("POST", "/Users", user("B2", "scim.b2", "Visas", true)).status()).isEqualTo(201);
    assertThat(send("PATCH", "/Users/B2", """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [{"op": "replace", "path": "groups[value eq \\"x\\"].display", "value": "x"}]}
        """).body().path("scimType").asText()).isEqualTo("invalidPath");
    assertThat(send("GET", "/Groups", null).status()).isEqualTo(404);
  }

  @Test
  void theLeaverFuseQueuesLeaversPastTheLimitUntilReleasedEvenAcrossARestart() throws Exception {
    for (String number : List.of("F1", "F2", "F3", "F4")) {
      assertThat(fuse("POST", "/Users", user(number, "scim.fuse." + number.toLowerCase(), "Visas", true)).status())
          .isEqualTo(201);
    }
    assertThat(fuse("DELETE", "/Users/F1", null).status()).isEqualTo(204);
    Answer inactive = fuse("PATCH", "/Users/F2", """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [{"op": "replace", "value": {"active": false}}]}
        """);
    assertThat(inactive.status()).as(inactive.body().toString()).isEqualTo(200);
    assertThat(keycloakUser("scim.fuse.f2").path("enabled").asBoolean()).isFalse();

    Answer queued = fuse("DELETE", "/Users/F3", null);
    assertThat(queued.status()).isEqualTo(202);
    assertThat(queued.body().path("detail").asText()).contains("queued for approval");
    assertThat(fuse("PUT", "/Users/F4", user("F4", "scim.fuse.f4", "Visas", false)).status()).isEqualTo(202);
    assertThat(keycloakUser("scim.fuse.f3").path("enabled").asBoolean()).as("not applied").isTrue();
    assertThat(fused.fuseBlown()).isTrue();
    assertThat(fused.queuedLeavers()).containsExactly("F3", "F4");
    assertThat(fuse("POST", "/Users", user("F5", "scim.fuse.f5", "Visas", true)).status())
        .as("joiners go on").isEqualTo(201);

    // The service restarts: the queue and the blown fuse are still there, and the operator releases.
    ScimProvisioning restarted = fusedProvisioning();
    assertThat(restarted.fuseBlown()).isTrue();
    assertThat(restarted.queuedLeavers()).containsExactly("F3", "F4");
    restarted.releaseQueued();
    assertThat(keycloakUser("scim.fuse.f3").path("enabled").asBoolean()).isFalse();
    assertThat(keycloakUser("scim.fuse.f4").path("enabled").asBoolean()).isFalse();
    assertThat(restarted.fuseBlown()).isFalse();
    assertThat(fusedProvisioning().queuedLeavers()).isEmpty();
  }
}

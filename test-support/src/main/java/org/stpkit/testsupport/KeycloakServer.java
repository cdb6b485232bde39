package org.stpkit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.stpkit.localkeycloak.LocalKeycloak;

/**
 * A real Keycloak for integration tests (idam-client's, the cli's end-to-end tests of stp idam, the
 * example service's browser tests): the distribution unpacked by the build ({@code
 * stp.keycloak.home}), run by local-keycloak's {@link LocalKeycloak} in dev mode on 127.0.0.1 and
 * free ports with a fresh database and a test realm imported, plus the token and admin calls tests
 * make. Keycloak's output goes to {@code keycloak.log} in the report folder.
 */
public final class KeycloakServer implements AutoCloseable {
  public static final String ADMIN = "stp-admin";
  public static final String ADMIN_PASSWORD = "stp-admin-password-for-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalKeycloak keycloak;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private KeycloakServer(LocalKeycloak keycloak) {
    this.keycloak = keycloak;
  }

  public static KeycloakServer start(String realmResource, String realm) throws Exception {
    return start(realmResource, realm, Map.of());
  }

  /**
   * As {@link #start(String, String)}, with environment variables for Keycloak: the realm file's
   * {@code ${NAME}} placeholders are filled from them (a service's port known only at run time).
   */
  public static KeycloakServer start(String realmResource, String realm, Map<String, String> environment) throws Exception {
    Path home = Path.of(System.getProperty("stp.keycloak.home", "target/keycloak-dist/keycloak"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("No Keycloak at " + home + ": run the build's pre-integration-test phase");
    }
    Path realmFile = Files.createTempDirectory("stp-realm-").resolve(realm + "-realm.json");
    try (InputStream realmJson = KeycloakServer.class.getResourceAsStream(realmResource)) {
      if (realmJson == null) {
        throw new IllegalArgumentException("No realm file on the class path at " + realmResource);
      }
      Files.copy(realmJson, realmFile);
    }
    // A fresh database each start: the realm is imported as written, with no state from an earlier run.
    LocalKeycloak.Builder builder = LocalKeycloak.builder(home)
        .importRealm(realmFile)
        .freshData(true)
        .admin(ADMIN, ADMIN_PASSWORD)
        .log(Path.of(System.getProperty("stp.reportDir", "target"), "keycloak.log"));
    environment.forEach(builder::environment);
    KeycloakServer server = new KeycloakServer(builder.build());
    server.launch();
    return server;
  }

  /** Stops Keycloak and starts it again on the same port with the same database, as an operator's restart. */
  public void restart() throws Exception {
    keycloak.restart();
  }

  /** Stops Keycloak (its data stays) without waiting to start it again; {@link #launch()} brings it back. */
  public void stop() {
    keycloak.stop();
  }

  public void launch() throws Exception {
    keycloak.start();
  }

  public String baseUrl() {
    return keycloak.baseUrl();
  }

  public String issuer(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  /** An access token for a user, by the direct-access (password) grant of a public client. */
  public String userToken(String realm, String clientId, String username, String password) throws Exception {
    return tokens(realm, clientId, username, password, "openid").path("access_token").asText();
  }

  /** The token response of the password grant: access, refresh (offline with scope offline_access). */
  public JsonNode tokens(String realm, String clientId, String username, String password, String scope) throws Exception {
    HttpResponse<String> response = post(issuer(realm) + "/protocol/openid-connect/token", Map.of("grant_type", "password",
        "client_id", clientId, "username", username, "password", password, "scope", scope));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("password grant for " + username + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The status of a refresh-token grant: 200 while the token still works, 400 once it does not. */
  public int refresh(String realm, String clientId, String refreshToken) throws Exception {
    return post(issuer(realm) + "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
        "client_id", clientId, "refresh_token", refreshToken)).statusCode();
  }

  public String adminToken() throws Exception {
    return userToken("master", "admin-cli", ADMIN, ADMIN_PASSWORD);
  }

  /** An admin REST call; the parsed answer, or null for an empty one. */
  public JsonNode admin(String method, String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms" + path))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isBlank() ? null : JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    keycloak.close();
  }
}

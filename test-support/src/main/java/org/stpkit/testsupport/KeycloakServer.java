package org.stpkit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for integration tests (idam-client's, and the cli's end-to-end tests of stp idam): the distribution unpacked by the build
 * ({@code stp.keycloak.home}), started in dev mode on 127.0.0.1 and free ports with a test realm
 * imported, and stopped with its whole process tree. Keycloak 26 prefers Java 21 or later: the
 * harness uses {@code STP_KEYCLOAK_JAVA_HOME}, else the newest JDK of 21 or later under
 * /usr/lib/jvm, else this JVM (Keycloak 26.7 still starts on 17, which is all Debian 12 packages).
 */
public final class KeycloakServer implements AutoCloseable {
  public static final String ADMIN = "stp-admin";
  public static final String ADMIN_PASSWORD = "stp-admin-password-for-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path home;
  private final String realm;
  private final int port;
  private final int managementPort;
  private Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private KeycloakServer(Path home, String realm, int port, int managementPort) {
    this.home = home;
    this.realm = realm;
    this.port = port;
    this.managementPort = managementPort;
  }

  public static KeycloakServer start(String realmResource, String realm) throws Exception {
    Path home = Path.of(System.getProperty("stp.keycloak.home", "target/keycloak-dist/keycloak"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("No Keycloak at " + home + ": run the build's pre-integration-test phase");
    }
    // A fresh database each start: the realm is imported as written, with no state from an earlier run.
    deleteTree(home.resolve("data"));
    Path imports = home.resolve("data/import");
    Files.createDirectories(imports);
    try (InputStream realmJson = KeycloakServer.class.getResourceAsStream(realmResource)) {
      Files.copy(realmJson, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    KeycloakServer server = new KeycloakServer(home, realm, freePort(), freePort());
    server.launch();
    return server;
  }

  /** Stops Keycloak and starts it again on the same port with the same database, as an operator's restart. */
  public void restart() throws Exception {
    close();
    launch();
  }

  /** Stops Keycloak (its data stays) without waiting to start it again; {@link #launch()} brings it back. */
  public void stop() {
    close();
  }

  public void launch() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort, "--import-realm",
        "--cache=local");
    builder.environment().put("JAVA_HOME", javaHome());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
        Path.of(System.getProperty("stp.reportDir", "target"), "keycloak.log").toFile()));
    process = builder.start();
    awaitRealm(realm, Duration.ofMinutes(4));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
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

  private void awaitRealm(String realm, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped while starting; see target/keycloak.log");
      }
      try {
        if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("Keycloak did not start within " + limit + "; see target/keycloak.log");
      }
      Thread.sleep(500);
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The JDK for Keycloak: STP_KEYCLOAK_JAVA_HOME, this JVM if 21 or later, the newest 21+ under /usr/lib/jvm, or this JVM. */
  private static String javaHome() throws IOException {
    String chosen = System.getenv("STP_KEYCLOAK_JAVA_HOME");
    if (chosen != null) {
      return chosen;
    }
    if (Runtime.version().feature() >= 21) {
      return System.getProperty("java.home");
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return System.getProperty("java.home");
    }
    try (Stream<Path> jdks = Files.list(jvms)) {
      Optional<Path> newest = jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
          .filter(jdk -> version(jdk) >= 21)
          .max(Comparator.comparingInt(KeycloakServer::version));
      return newest.map(Path::toString).orElse(System.getProperty("java.home"));
    }
  }

  private static int version(Path jdk) {
    try {
      String release = Files.readString(jdk.resolve("release"));
      String version = release.replaceAll("(?s).*JAVA_VERSION=\"([0-9]+).*", "$1");
      return Integer.parseInt(version);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}

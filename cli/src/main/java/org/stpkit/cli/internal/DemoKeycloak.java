package org.stpkit.cli.internal;

import jakarta.ws.rs.client.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.stpkit.localkeycloak.Distributions;
import org.stpkit.localkeycloak.LocalKeycloak;

/**
 * The demo's Keycloak: its distribution from Maven Central unpacked once into the demo's state
 * folder (and reused, with its data, by every later run), and what the demo does to the realm as
 * its administrator once Keycloak is up.
 */
final class DemoKeycloak {
  static final String GROUP = "org.keycloak";
  static final String ARTIFACT = "keycloak-quarkus-dist";

  private DemoKeycloak() {}

  /** Where Maven Central has the distribution: named when it cannot be had, so that it can be fetched by hand. */
  static String centralUrl(String version) {
    return "https://repo.maven.apache.org/maven2/org/keycloak/" + ARTIFACT + "/" + version + "/" + zipName(version);
  }

  static String zipName(String version) {
    return ARTIFACT + "-" + version + ".zip";
  }

  /** The unpacked distribution in {@code state}, when an earlier run left it there. */
  static Path home(Path state, String version) {
    return state.resolve("keycloak-" + version);
  }

  static boolean isUnpacked(Path state, String version) {
    return Files.isExecutable(home(state, version).resolve("bin/kc.sh"));
  }

  /**
   * The distribution's zip: from the local Maven repository when a build has already fetched it,
   * else fetched from Maven Central by Maven itself (so the user's Maven settings, mirrors and
   * proxies, apply) into {@code downloads}.
   *
   * @throws DemoProblem naming the URL and Maven's log when it cannot be had
   */
  static Path zip(String version, Path checkout, Path downloads, Path log, ChildProcesses processes) {
    Path local = localZip(version);
    if (Files.isRegularFile(local)) {
      return local;
    }
    List<String> command = List.of("mvn", "-B", "-N", "dependency:copy",
        "-Dartifact=" + GROUP + ":" + ARTIFACT + ":" + version + ":zip", "-DoutputDirectory=" + downloads);
    String whatToDo = " Keycloak " + version + " comes from " + centralUrl(version) + ": check the network (and"
        + " Maven's proxy or mirror in ~/.m2/settings.xml), or download that file yourself to " + local
        + ", then run stp demo again.";
    int exit;
    try {
      Files.createDirectories(downloads);
      Process maven = processes.start(new ProcessBuilder(command).directory(checkout.toFile()), log);
      exit = maven.waitFor();
    } catch (IOException e) {
      throw new DemoProblem("Keycloak could not be downloaded: Maven (mvn) could not be run: " + e.getMessage() + "."
          + whatToDo);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoProblem("Interrupted while Keycloak was downloading");
    }
    Path zip = downloads.resolve(zipName(version));
    if (exit != 0 || !Files.isRegularFile(zip)) {
      throw new DemoProblem("Keycloak could not be downloaded (Maven's output is in " + log + ")." + whatToDo);
    }
    return zip;
  }

  /** Whether a build has already fetched the distribution into the local Maven repository. */
  static boolean inLocalRepository(String version) {
    return Files.isRegularFile(localZip(version));
  }

  private static Path localZip(String version) {
    return localRepository().resolve("org/keycloak/" + ARTIFACT + "/" + version + "/" + zipName(version));
  }

  /** Unpacks the zip into {@code state} (to a temporary folder first, so that a stopped run leaves nothing half done). */
  static Path unpack(Path zip, Path state) {
    return Distributions.unpack(zip, state);
  }

  /** The local Maven repository: {@code maven.repo.local} when set (as Maven's own tests set it), else ~/.m2/repository. */
  private static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** An administrator's session on the running Keycloak, for the few things the demo sets up as one. */
  static Admin admin(LocalKeycloak keycloak, String realm) {
    Client http = new ResteasyClientBuilderImpl()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .build();
    Keycloak client = KeycloakBuilder.builder()
        .serverUrl(keycloak.baseUrl())
        .realm("master")
        .clientId("admin-cli")
        .grantType(OAuth2Constants.PASSWORD)
        .username(keycloak.adminUser())
        .password(keycloak.adminPassword())
        .resteasyClient(http)
        .build();
    return new Admin(client, client.realm(realm));
  }

  /** The realm as its administrator sees it; closed after use. */
  static final class Admin implements AutoCloseable {
    private final Keycloak client;
    private final RealmResource realm;

    private Admin(Keycloak client, RealmResource realm) {
      this.client = client;
      this.realm = realm;
    }

    /**
     * Points the service's client at the address it runs on now. The realm file is imported only
     * into an empty Keycloak, so a run on another {@code --port} than the first would otherwise
     * send caseworkers back to the old address after they sign in.
     */
    void pointClientAt(String clientId, String serviceUrl) {
      List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
      if (found.isEmpty()) {
        throw new DemoProblem("Keycloak's realm has no client " + clientId + "; run stp demo --fresh to import the"
            + " example's realm again.");
      }
      ClientRepresentation client = found.get(0);
      List<String> redirects = List.of(serviceUrl + "/login/oauth2/code/keycloak");
      Map<String, String> attributes = new HashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
      attributes.put("backchannel.logout.url", serviceUrl + "/logout/connect/back-channel/keycloak");
      attributes.put("post.logout.redirect.uris", serviceUrl + "/*");
      if (redirects.equals(client.getRedirectUris()) && attributes.equals(client.getAttributes())) {
        return;
      }
      client.setRedirectUris(new ArrayList<>(redirects));
      client.setAttributes(attributes);
      ClientResource resource = realm.clients().get(client.getId());
      resource.update(client);
    }

    /** Sets a user's password, not to be changed at the next sign-in: the demo's logins. */
    void setPassword(String username, String password) {
      List<UserRepresentation> users = realm.users().searchByUsername(username, true);
      if (users.isEmpty()) {
        throw new DemoProblem("Keycloak has no user " + username + " after the staff were provisioned");
      }
      CredentialRepresentation credential = new CredentialRepresentation();
      credential.setType(CredentialRepresentation.PASSWORD);
      credential.setValue(password);
      credential.setTemporary(false);
      realm.users().get(users.get(0).getId()).resetPassword(credential);
    }

    @Override
    public void close() {
      client.close();
    }
  }
}

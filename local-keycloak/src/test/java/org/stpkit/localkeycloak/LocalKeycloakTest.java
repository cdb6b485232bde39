package org.stpkit.localkeycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's own behaviour with stand-in {@code kc.sh} scripts; a real Keycloak is started
 * through it by the integration tests of idam-client, the cli and the example service.
 */
class LocalKeycloakTest {
  @TempDir
  Path home;

  @Test
  void refusesAFolderWithoutKeycloak() {
    assertThatThrownBy(() -> LocalKeycloak.builder(home).build())
        .isInstanceOfSatisfying(LocalKeycloakException.class,
            e -> assertThat(e.reason()).isEqualTo(LocalKeycloakException.Reason.NO_DISTRIBUTION))
        .hasMessageContaining("No Keycloak distribution at " + home);
  }

  @Test
  void namesAPortAnotherProgramHolds() throws IOException {
    script("sleep 60");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      LocalKeycloak keycloak = LocalKeycloak.builder(home).port(taken.getLocalPort()).build();

      assertThatThrownBy(keycloak::start)
          .isInstanceOfSatisfying(LocalKeycloakException.class,
              e -> assertThat(e.reason()).isEqualTo(LocalKeycloakException.Reason.PORT_IN_USE))
          .hasMessage("Keycloak's HTTP port 127.0.0.1:" + taken.getLocalPort() + " is in use by another program");
      assertThat(keycloak.isRunning()).isFalse();
    }
  }

  @Test
  void saysWhenKeycloakExitsWhileStartingAndWhereItsOutputIs() throws IOException {
    script("echo 'ERROR: Failed to start server' ; exit 1");
    Path log = home.resolve("out/kc.log");
    LocalKeycloak keycloak = LocalKeycloak.builder(home).log(log).build();

    assertThatThrownBy(keycloak::start)
        .isInstanceOfSatisfying(LocalKeycloakException.class,
            e -> assertThat(e.reason()).isEqualTo(LocalKeycloakException.Reason.STOPPED))
        .hasMessageContaining(log.toString());
    assertThat(log).content().contains("ERROR: Failed to start server");
  }

  @Test
  void givesUpAfterTheTimeoutAndStopsWhatItStarted() throws IOException {
    // The stand-in never listens; its child process must not outlive the launcher.
    script("sleep 300 & echo $! > \"$(dirname \"$0\")/child.pid\"; wait");
    LocalKeycloak keycloak = LocalKeycloak.builder(home).startTimeout(Duration.ofSeconds(2)).build();

    assertThatThrownBy(keycloak::start)
        .isInstanceOfSatisfying(LocalKeycloakException.class,
            e -> assertThat(e.reason()).isEqualTo(LocalKeycloakException.Reason.TIMED_OUT))
        .hasMessageContaining("did not answer for realm 'master' within 2 s");
    assertThat(keycloak.isRunning()).isFalse();
    long child = Long.parseLong(Files.readString(home.resolve("bin/child.pid")).trim());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
        .as("the script's child process is stopped too").isFalse();
  }

  @Test
  void putsRealmFilesInKeycloaksImportFolderAndEmptiesDataWhenAskedTo() throws IOException {
    script("exit 0");
    Path stale = Files.createDirectories(home.resolve("data/h2")).resolve("keycloakdb.mv.db");
    Files.writeString(stale, "old realm");
    Path realm = Files.writeString(home.resolve("caseworking-realm.json"), "{\"realm\": \"caseworking\"}");

    LocalKeycloak.builder(home).importRealm(realm).freshData(true).build();

    assertThat(stale).doesNotExist();
    assertThat(home.resolve("data/import/caseworking-realm.json")).hasContent("{\"realm\": \"caseworking\"}");
  }

  @Test
  void choosesFreePortsAndBuildsUrlsFromThem() throws IOException {
    script("exit 0");
    LocalKeycloak keycloak = LocalKeycloak.builder(home).build();

    assertThat(keycloak.port()).isPositive().isNotEqualTo(keycloak.managementPort());
    assertThat(keycloak.issuer("caseworking")).isEqualTo("http://127.0.0.1:" + keycloak.port() + "/realms/caseworking");
  }

  private void script(String body) throws IOException {
    Path kc = Files.createDirectories(home.resolve("bin")).resolve("kc.sh");
    Files.writeString(kc, "#!/bin/sh\n" + body + "\n");
    assertThat(kc.toFile().setExecutable(true)).isTrue();
  }
}

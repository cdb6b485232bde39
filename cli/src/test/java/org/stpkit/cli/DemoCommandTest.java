package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stp demo} before anything starts: its options, and each port already taken reported with
 * the option and variable that choose another, with nothing started or written. The demo itself,
 * Keycloak and the service, is run by {@code DemoIT}.
 */
class DemoCommandTest {
  private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path folder;

  @Test
  void helpListsTheOptionsAndTheirVariables() {
    StpRunner.Result result = StpRunner.stp("", "demo", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--port", "STP_DEMO_PORT", "--keycloak-port", "STP_DEMO_KEYCLOAK_PORT",
        "--notify-port", "--no-build", "--fresh", "--state-dir", "Ctrl-C stops everything it started");
  }

  @Test
  void aTakenServicePortIsNamedWithTheOptionThatChangesIt() throws IOException {
    try (ServerSocket taken = listening()) {
      StpRunner.Result result = demo("--port", String.valueOf(taken.getLocalPort()), "--keycloak-port",
          String.valueOf(freePort()), "--notify-port", String.valueOf(freePort()));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).isEqualTo("stp demo: port " + taken.getLocalPort() + ", for the service, is in use by"
          + " another program on 127.0.0.1. Stop the program that uses it (an earlier stp demo still running?), or"
          + " choose another port with --port <port> or the environment variable STP_DEMO_PORT.\n");
      assertThat(result.out()).isEmpty();
      assertThat(folder.resolve("state")).doesNotExist();
    }
  }

  @Test
  void aTakenKeycloakOrSimulatorPortIsNamedToo() throws IOException {
    try (ServerSocket keycloak = listening(); ServerSocket notify = listening()) {
      StpRunner.Result keycloakTaken = demo("--port", String.valueOf(freePort()), "--keycloak-port",
          String.valueOf(keycloak.getLocalPort()), "--notify-port", String.valueOf(freePort()));
      StpRunner.Result notifyTaken = demo("--port", String.valueOf(freePort()), "--keycloak-port",
          String.valueOf(freePort()), "--notify-port", String.valueOf(notify.getLocalPort()));

      assertThat(keycloakTaken.exitCode()).isEqualTo(1);
      assertThat(keycloakTaken.err()).contains("port " + keycloak.getLocalPort() + ", for Keycloak, is in use",
          "--keycloak-port <port> or the environment variable STP_DEMO_KEYCLOAK_PORT");
      assertThat(notifyTaken.exitCode()).isEqualTo(1);
      assertThat(notifyTaken.err()).contains("port " + notify.getLocalPort() + ", for the Notify simulator, is in use",
          "--notify-port <port> or the environment variable STP_DEMO_NOTIFY_PORT");
      assertThat(folder.resolve("state")).doesNotExist();
    }
  }

  @Test
  void portsMustBePortsAndDiffer() {
    StpRunner.Result same = demo("--port", "8080", "--keycloak-port", "8080", "--notify-port", "6060");
    StpRunner.Result outOfRange = demo("--port", "70000");
    StpRunner.Result notANumber = demo("--keycloak-port", "eighty");

    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).isEqualTo("stp demo: --port, --keycloak-port and --notify-port must differ: 8080, 8080,"
        + " 6060\n");
    assertThat(outOfRange.exitCode()).isEqualTo(2);
    assertThat(outOfRange.err()).isEqualTo("stp demo: a port is 1 to 65535, not 70000\n");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err()).contains("Invalid value for option '--keycloak-port': 'eighty' is not an int");
  }

  @Test
  void aFolderThatIsNotACheckoutIsRefused() {
    StpRunner.Result result = StpRunner.stp("", "demo", "--checkout", folder.toString(), "--state-dir",
        folder.resolve("state").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("stp demo: " + folder + " is not an STP Kit checkout (it has no"
        + " examples/caseworking/pom.xml); run ./stp demo from a clone, or give --checkout <dir>\n");
  }

  @Test
  void noBuildWithoutABuiltJarSaysHowToBuildIt() throws IOException {
    Path checkout = folder.resolve("checkout");
    Files.createDirectories(checkout.resolve("examples/caseworking"));
    Files.writeString(checkout.resolve("examples/caseworking/pom.xml"), "<project/>");

    StpRunner.Result result = StpRunner.stp("", "demo", "--checkout", checkout.toString(), "--state-dir",
        folder.resolve("state").toString(), "--no-build", "--port", String.valueOf(freePort()), "--keycloak-port",
        String.valueOf(freePort()), "--notify-port", String.valueOf(freePort()));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("stp demo: There is no " + checkout.resolve("examples/caseworking/target/"
        + "caseworking.jar") + " to run; run stp demo without --no-build to build it.\n");
  }

  private StpRunner.Result demo(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "demo";
    args[1] = "--checkout";
    args[2] = KIT.toString();
    args[3] = "--state-dir";
    args[4] = folder.resolve("state").toString();
    System.arraycopy(options, 0, args, 5, options.length);
    return StpRunner.stp("", args);
  }

  private static ServerSocket listening() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = listening()) {
      return socket.getLocalPort();
    }
  }
}

package org.stpkit.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.stpkit.localkeycloak.Distributions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp demo}: the example caseworking service, with everything it needs, on this machine. */
@Command(
    name = "demo",
    description = {
      "Runs the example caseworking service (examples/caseworking) with everything it needs, on this machine.",
      "Builds the example when a source changed, starts Keycloak from its Maven Central distribution with the"
          + " example's realm, provisions the sample staff with idam-client, starts the service with the Notify"
          + " simulator, then prints the addresses and the demo logins. Ctrl-C stops everything it started.",
      "Keycloak's distribution and data, and the logs, are kept in the state folder, so a second run starts in"
          + " seconds."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "1:something could not start (a port in use, the build, Keycloak, the service); the message says what to do",
      "2:unusable options",
      "130:stopped with Ctrl-C, everything it started stopped too"
    })
final class DemoCommand implements Callable<Integer> {
  static final int CANNOT_START = 1;

  @Option(names = "--port", paramLabel = "<port>", defaultValue = "${env:STP_DEMO_PORT:-8080}",
      description = "The service's port (default: the STP_DEMO_PORT environment variable, else 8080).")
  int port;

  @Option(names = "--keycloak-port", paramLabel = "<port>", defaultValue = "${env:STP_DEMO_KEYCLOAK_PORT:-8180}",
      description = "Keycloak's port (default: the STP_DEMO_KEYCLOAK_PORT environment variable, else 8180).")
  int keycloakPort;

  @Option(names = "--notify-port", paramLabel = "<port>", defaultValue = "${env:STP_DEMO_NOTIFY_PORT:-6060}",
      description = "The Notify simulator's port (default: the STP_DEMO_NOTIFY_PORT environment variable, else 6060).")
  int notifyPort;

  @Option(names = "--no-build", description = "Run the example's jar as it is, even if a source is newer.")
  boolean noBuild;

  @Option(names = "--fresh", description = "Empty Keycloak's data first: the realm imported anew, the staff"
      + " provisioned anew. The downloaded distribution is kept.")
  boolean fresh;

  @Option(names = "--state-dir", paramLabel = "<dir>", description = "Where Keycloak's distribution and data and"
      + " the logs are kept between runs (default: demo in STP Kit's cache folder: STP_CACHE_HOME, else"
      + " $XDG_CACHE_HOME/stp, else ~/.cache/stp).")
  @Nullable Path stateDir;

  @Option(names = "--checkout", paramLabel = "<dir>", defaultValue = "${env:STP_ROOT:-.}",
      description = "The STP Kit checkout whose example runs (default: the one ./stp is in).")
  Path checkout = Path.of(".");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> unusable = unusableOptions();
    if (unusable.isPresent()) {
      err.println("stp demo: " + unusable.get());
      err.flush();
      return StpCommand.BAD_INPUT;
    }
    DemoSettings settings = new DemoSettings(checkout, stateDir != null ? stateDir
        : Distributions.cacheHome().resolve("demo"), port, keycloakPort, notifyPort, !noBuild, fresh,
        StpCommand.buildProperty("keycloakVersion"));
    // Before the ports are checked: what a killed run left behind holds them.
    LeftBehindProcesses.stopLeftBehind(settings.processRecord(), ChildProcesses.GRACE).ifPresent(stopped -> {
      out.println("stp demo: " + stopped);
      out.flush();
    });
    Optional<String> taken = takenPort(settings);
    if (taken.isPresent()) {
      err.println("stp demo: " + taken.get());
      err.flush();
      return CANNOT_START;
    }
    try (DemoProgress progress = DemoProgress.on(out)) {
      return run(settings, progress, out, err);
    }
  }

  private int run(DemoSettings settings, DemoProgress progress, PrintWriter out, PrintWriter err) {
    DemoRun run = new DemoRun(settings, progress);
    CountDownLatch finished = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      progress.line("stp demo: stopping everything it started...");
      long began = System.nanoTime();
      int stopped = run.stop();
      main.interrupt();
      awaitQuietly(finished);
      // Anything the main thread started while it was being stopped.
      run.stop();
      progress.line(String.format(Locale.ROOT, "stp demo: stopped %d %s in %.1f s", stopped,
          stopped == 1 ? "process" : "processes", (System.nanoTime() - began) / 1e9));
      progress.close();
    }, "stp-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      progress.line("stp demo: " + DemoSettings.MODULE + " with Keycloak " + settings.keycloakVersion()
          + " and the Notify simulator; state in " + settings.state());
      DemoRun.Ready ready = run.start();
      progress.close();
      printReady(settings, ready, progress.elapsedSeconds(), out);
      run.awaitStop();
      return 0;
    } catch (DemoProblem problem) {
      if (run.isStopping()) {
        return 130;
      }
      progress.close();
      err.println("stp demo: " + problem.getMessage());
      err.flush();
      int stopped = run.stop();
      if (stopped > 0) {
        err.println("stp demo: stopped the " + stopped + (stopped == 1 ? " process" : " processes") + " it had started");
      }
      return CANNOT_START;
    } finally {
      finished.countDown();
      removeHook(hook);
    }
  }

  private Optional<String> unusableOptions() {
    for (int candidate : new int[] {port, keycloakPort, notifyPort}) {
      if (candidate < 1 || candidate > 65_535) {
        return Optional.of("a port is 1 to 65535, not " + candidate);
      }
    }
    if (port == keycloakPort || port == notifyPort || keycloakPort == notifyPort) {
      return Optional.of("--port, --keycloak-port and --notify-port must differ: " + port + ", " + keycloakPort
          + ", " + notifyPort);
    }
    Path example = checkout.resolve(DemoSettings.MODULE).resolve("pom.xml");
    if (!Files.isRegularFile(example)) {
      return Optional.of(checkout.toAbsolutePath().normalize() + " is not an STP Kit checkout (it has no "
          + DemoSettings.MODULE + "/pom.xml); run ./stp demo from a clone, or give --checkout <dir>");
    }
    return Optional.empty();
  }

  /** The first of the demo's ports that another program listens on, said with how to choose another. */
  static Optional<String> takenPort(DemoSettings settings) {
    record Port(int number, String what, String option, String variable) {}
    for (Port candidate : List.of(new Port(settings.port(), "the service", "--port", "STP_DEMO_PORT"),
        new Port(settings.keycloakPort(), "Keycloak", "--keycloak-port", "STP_DEMO_KEYCLOAK_PORT"),
        new Port(settings.notifyPort(), "the Notify simulator", "--notify-port", "STP_DEMO_NOTIFY_PORT"))) {
      if (!isFree(candidate.number())) {
        return Optional.of("port " + candidate.number() + ", for " + candidate.what() + ", is in use by another"
            + " program on 127.0.0.1. " + DemoSettings.portAdvice(candidate.option(), candidate.variable()));
      }
    }
    return Optional.empty();
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void printReady(DemoSettings settings, DemoRun.Ready ready, double seconds, PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "Apply to extend your permission to stay is running: ready in %.1f s (the start page"
        + " answered at %.1f s).%n%n", seconds, ready.firstPageSeconds());
    out.printf("  Citizens' start page   %s/%n", settings.serviceUrl());
    out.printf("  Caseworkers' pages     %s/cases  (sign in with a demo login)%n", settings.serviceUrl());
    out.printf("  Messages sent          %s/_simulator/notifications  (the Notify simulator's record, JSON)%n",
        settings.notifyUrl());
    out.printf("  Keycloak admin         %s/admin/  (%s / %s)%n", settings.keycloakUrl(), DemoSettings.KEYCLOAK_ADMIN,
        DemoSettings.KEYCLOAK_ADMIN_PASSWORD);
    out.println();
    out.println("Demo logins, each with the password " + DemoSettings.DEMO_PASSWORD + ":");
    int width = ready.logins().stream().mapToInt(login -> login.username().length()).max().orElse(0);
    for (DemoStaff.Login login : ready.logins()) {
      out.printf(Locale.ROOT, "  %-" + width + "s  %s, %s: %s%n", login.username(), login.name(), login.title(),
          login.access());
    }
    out.println();
    out.println("Logs: " + settings.logs() + " (service.log, keycloak.log). Ctrl-C stops everything.");
    out.flush();
  }

  private static void awaitQuietly(CountDownLatch finished) {
    try {
      finished.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it is what stops everything now.
    }
  }
}

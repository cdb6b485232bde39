package org.stpkit.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.stpkit.localkeycloak.LocalKeycloak;
import org.stpkit.localkeycloak.LocalKeycloakException;

/**
 * One run of {@code stp demo}: the steps that bring the example up (build, Keycloak, the service,
 * its staff) and stopping everything they started. Stopping may come from another thread (the
 * shutdown hook Ctrl-C runs) at any point; a step under way then ends quietly.
 */
final class DemoRun {
  /**
   * How long Keycloak and the service are each given to answer. Long: each starts in well under a
   * minute on an idle 2-core machine, and was seen to take over 4 minutes on one whose load average
   * was 30.
   */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  private final DemoSettings settings;
  private final DemoProgress progress;
  private final ChildProcesses processes = new ChildProcesses();
  private final LeftBehindProcesses leftBehind;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean stopping;
  private volatile @Nullable LocalKeycloak keycloak;
  private volatile boolean keycloakStarted;
  private volatile @Nullable Process service;

  DemoRun(DemoSettings settings, DemoProgress progress) {
    this.settings = settings;
    this.progress = progress;
    this.leftBehind = LeftBehindProcesses.of(settings.processRecord());
  }

  /** What a started demo prints: its logins, and when the start page first answered. */
  record Ready(List<DemoStaff.Login> logins, double firstPageSeconds) {}

  /**
   * Builds what is missing, starts Keycloak and the service, provisions the staff, and returns
   * when everything answers.
   *
   * @throws DemoProblem for anything that cannot start, saying what to do
   */
  Ready start() {
    buildIfNeeded();
    Path keycloakHome = keycloakDistribution();
    prepareLogs();
    Process started = startService();
    DemoProgress.Step serviceStep = progress.begin("starting the service");
    CompletableFuture<Double> serviceUp = CompletableFuture.supplyAsync(() -> {
      awaitService(started);
      serviceStep.done("the service answers at " + settings.serviceUrl() + "/ (the Notify simulator at "
          + settings.notifyUrl() + ")");
      return progress.elapsedSeconds();
    });
    // A service that cannot start ends the wait for Keycloak at once, rather than after it.
    Thread main = Thread.currentThread();
    serviceUp.whenComplete((up, failed) -> {
      if (failed != null && !stopping) {
        main.interrupt();
      }
    });
    try {
      LocalKeycloak running = startKeycloak(keycloakHome);
      DemoStaff.Provisioned staff = provision(running);
      return new Ready(staff.logins(), serviceUp.join());
    } catch (RuntimeException e) {
      if (!serviceUp.isCompletedExceptionally()) {
        throw e;
      }
      Thread.interrupted();
      serviceStep.abandon();
      throw DemoWaits.cause(serviceUp);
    } finally {
      if (!serviceUp.isDone()) {
        serviceStep.abandon();
      }
    }
  }

  /** Returns when the service or Keycloak stops by itself (a {@link DemoProblem}), or when stopping begins. */
  void awaitStop() {
    while (!stopping) {
      Process running = service;
      LocalKeycloak identity = keycloak;
      if (running != null && !running.isAlive()) {
        stoppedByItself("The service stopped by itself (exit " + running.exitValue() + "); its log: "
            + settings.serviceLog());
      }
      if (identity != null && !identity.isRunning()) {
        stoppedByItself("Keycloak stopped by itself; its log: " + settings.keycloakLog());
      }
      DemoWaits.pause(Duration.ofMillis(500));
    }
  }

  /**
   * Stops everything this run started: the service, a build or download under way, Keycloak, and
   * every process any of them started. Returns how many processes were stopped.
   */
  int stop() {
    stopping = true;
    int stopped = processes.stopAll();
    LocalKeycloak identity = keycloak;
    if (identity == null) {
      leftBehind.clear();
      return stopped;
    }
    // What is left is Keycloak's: kc.sh and its JVM.
    long left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
    if (keycloakStarted) {
      identity.stop();
    }
    // Keycloak while it starts: LocalKeycloak holds its lock until Keycloak answers, so its process
    // tree is stopped from here, with anything else still running that this JVM started.
    ChildProcesses.stop(ProcessHandle.current().descendants().toList(), ChildProcesses.GRACE);
    leftBehind.clear();
    return stopped + (int) left;
  }

  boolean isStopping() {
    return stopping;
  }

  private void stoppedByItself(String message) {
    // Ctrl-C reaches the children as well as stp; give the shutdown hook time to say it is stopping.
    DemoWaits.pause(Duration.ofSeconds(2));
    if (!stopping) {
      throw new DemoProblem(message);
    }
  }

  private void buildIfNeeded() {
    ExampleBuild build = new ExampleBuild(settings.checkout(), DemoSettings.MODULE, settings.jar(), "mvn");
    if (!settings.build()) {
      if (!Files.isRegularFile(settings.jar())) {
        throw new DemoProblem("There is no " + settings.jar() + " to run; run stp demo without --no-build to build it.");
      }
      progress.note("using the example as it was built: " + settings.checkout().relativize(settings.jar())
          + " (--no-build)");
      return;
    }
    Optional<Path> reason = build.reasonToBuild();
    if (reason.isEmpty()) {
      progress.note("the example is up to date: " + settings.checkout().relativize(settings.jar()));
      return;
    }
    String why = reason.get().equals(settings.jar()) ? "first run" : settings.checkout().relativize(reason.get())
        + " changed";
    DemoProgress.Step step = progress.begin("building the example (" + why + "; Maven's output goes to "
        + settings.buildLog() + ")");
    try {
      build.build(processes, settings.buildLog(), step::status);
    } catch (RuntimeException e) {
      step.abandon();
      throw e;
    }
    step.done("built the example: " + settings.checkout().relativize(settings.jar()));
  }

  private Path keycloakDistribution() {
    String version = settings.keycloakVersion();
    if (DemoKeycloak.isUnpacked(settings.state(), version)) {
      return DemoKeycloak.home(settings.state(), version);
    }
    DemoProgress.Step step = progress.begin((DemoKeycloak.inLocalRepository(version) ? "unpacking Keycloak "
        + version + " from the local Maven repository" : "getting Keycloak " + version + " from Maven Central")
        + " (first run only)");
    try {
      Path downloads = settings.state().resolve("download");
      Path zip = DemoKeycloak.zip(version, settings.checkout(), downloads, settings.logs().resolve("download.log"),
          processes);
      step.status("unpacking Keycloak " + version + " into " + settings.state());
      Path home = DemoKeycloak.unpack(zip, settings.state());
      if (zip.startsWith(downloads)) {
        Files.deleteIfExists(zip);
      }
      step.done("Keycloak " + version + " unpacked into " + home);
      return home;
    } catch (IOException | RuntimeException e) {
      step.abandon();
      if (e instanceof LocalKeycloakException failed) {
        throw new DemoProblem(failed.getMessage() + ". Delete " + settings.state() + " and run stp demo again.");
      }
      throw e instanceof RuntimeException unchecked ? unchecked : new DemoProblem(e.getMessage());
    }
  }

  private void prepareLogs() {
    try {
      Files.createDirectories(settings.logs());
      Files.deleteIfExists(settings.serviceLog());
      Files.deleteIfExists(settings.keycloakLog());
    } catch (IOException e) {
      throw new DemoProblem("Cannot write the demo's logs in " + settings.logs() + ": " + e.getMessage());
    }
  }

  private Process startService() {
    try {
      Path exitWithStp = ExitWithStp.writeJar(settings.exitWithStpJar());
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-javaagent:" + exitWithStp,
          // The C1 compiler only: the service starts sooner, and a demo never runs long enough to need C2.
          "-XX:TieredStopAtLevel=1", "-jar", settings.jar().toString()));
      command.addAll(settings.serviceArguments());
      ProcessBuilder builder = new ProcessBuilder(command).directory(settings.state().toFile());
      builder.environment().putAll(settings.serviceEnvironment());
      Process started = processes.start(builder, settings.serviceLog());
      service = started;
      return started;
    } catch (IOException e) {
      throw new DemoProblem("The service could not be started: " + e.getMessage());
    }
  }

  private void awaitService(Process started) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    URI startPage = URI.create(settings.serviceUrl() + "/");
    while (DemoWaits.answer(http, startPage) != 200) {
      if (stopping) {
        throw new DemoProblem("stopping");
      }
      if (!started.isAlive()) {
        throw new DemoProblem("The service stopped while starting (exit " + started.exitValue() + ")."
            + DemoWaits.logTail(settings.serviceLog()));
      }
      if (System.nanoTime() > deadline) {
        throw new DemoProblem("The service did not answer at " + startPage + " within "
            + START_TIMEOUT.toMinutes() + " minutes (the machine's load average is " + DemoWaits.loadAverage()
            + "); its log: " + settings.serviceLog());
      }
      DemoWaits.pause(Duration.ofMillis(250));
    }
    URI simulator = URI.create(settings.notifyUrl() + "/_simulator/notifications");
    if (DemoWaits.answer(http, simulator) != 200) {
      throw new DemoProblem("The service started but its Notify simulator does not answer at " + simulator
          + "; the service's log: " + settings.serviceLog());
    }
  }

  private LocalKeycloak startKeycloak(Path home) {
    // Data without the mark of a finished run is from a run stopped while Keycloak created its
    // database or imported the realm: emptied, since Keycloak would not finish either on top of it.
    boolean unfinished = Files.isDirectory(home.resolve("data/h2")) && !Files.exists(readyMark(home));
    boolean empty = settings.fresh() || unfinished;
    DemoProgress.Step step = progress.begin("starting Keycloak " + settings.keycloakVersion() + " with realm "
        + DemoSettings.REALM + (settings.fresh() ? " (--fresh: its data emptied first)"
        : unfinished ? " (the data of an unfinished first run emptied first)" : ""));
    LocalKeycloak.Builder builder = LocalKeycloak.builder(home).port(settings.keycloakPort())
        .importRealm(settings.realmFile()).freshData(empty).log(settings.keycloakLog())
        .admin(DemoSettings.KEYCLOAK_ADMIN, DemoSettings.KEYCLOAK_ADMIN_PASSWORD)
        .startTimeout(START_TIMEOUT);
    for (Map.Entry<String, String> variable : settings.realmEnvironment().entrySet()) {
      builder.environment(variable.getKey(), variable.getValue());
    }
    AtomicBoolean starting = new AtomicBoolean(true);
    Thread recorder = new Thread(() -> recordKeycloak(starting), "stp-demo-record-keycloak");
    recorder.setDaemon(true);
    try {
      LocalKeycloak built = builder.build();
      keycloak = built;
      requireNotStopping();
      recorder.start();
      built.start();
      keycloakStarted = true;
      starting.set(false);
      noteKeycloak();
      step.done("Keycloak answers at " + built.baseUrl() + " (realm " + DemoSettings.REALM + ")");
      return built;
    } catch (LocalKeycloakException e) {
      step.abandon();
      throw new DemoProblem(switch (e.reason()) {
        case PORT_IN_USE -> e.getMessage() + ". " + DemoSettings.portAdvice("--keycloak-port", "STP_DEMO_KEYCLOAK_PORT");
        case STOPPED -> e.getMessage() + "." + DemoWaits.logTail(settings.keycloakLog());
        case TIMED_OUT -> e.getMessage() + " (the machine's load average is " + DemoWaits.loadAverage() + ")."
            + DemoWaits.logTail(settings.keycloakLog());
        case NO_DISTRIBUTION -> e.getMessage() + ". Delete " + home + " and run stp demo again to unpack it anew.";
      });
    } catch (RuntimeException e) {
      step.abandon();
      throw e;
    } finally {
      starting.set(false);
    }
  }

  /**
   * Records Keycloak's process while it starts (which may take minutes), so that a run killed at
   * any point leaves it to be found; again and again, since kc.sh execs its JVM under the same pid.
   */
  private void recordKeycloak(AtomicBoolean starting) {
    // Ended by a flag, not an interrupt: an interrupt would also break the record's file write.
    while (starting.get() && !stopping) {
      try {
        noteKeycloak();
        Thread.sleep(250);
      } catch (DemoProblem | InterruptedException e) {
        // The record cannot be written: the note made once Keycloak answers says so, and stops the demo.
        return;
      }
    }
  }

  /** Keycloak's process: the one child of this JVM not started through {@link ChildProcesses} (LocalKeycloak starts it). */
  private void noteKeycloak() {
    if (stopping) {
      return;
    }
    ProcessHandle.current().children().filter(child -> !processes.startedHere(child))
        .forEach(child -> leftBehind.note("Keycloak", child));
  }

  private DemoStaff.Provisioned provision(LocalKeycloak running) {
    requireNotStopping();
    DemoProgress.Step step = progress.begin("provisioning the staff");
    DemoStaff staff = new DemoStaff(settings.feedFile(), settings.policyFile(), DemoSettings.REALM,
        DemoSettings.IDAM_CLIENT, DemoSettings.IDAM_CLIENT_SECRET);
    try (DemoKeycloak.Admin admin = DemoKeycloak.admin(running, DemoSettings.REALM)) {
      admin.pointClientAt(DemoSettings.SERVICE_CLIENT, settings.serviceUrl());
      DemoStaff.Provisioned provisioned = staff.provision(running, admin, settings.logs().resolve("idam-audit.jsonl"),
          DemoSettings.DEMO_PASSWORD);
      markReady(running);
      step.done(provisioned.summary(settings.checkout().relativize(settings.feedFile()).toString())
          + "; demo passwords set");
      return provisioned;
    } catch (RuntimeException e) {
      step.abandon();
      if (e instanceof DemoProblem) {
        throw e;
      }
      throw new DemoProblem("The staff could not be provisioned in Keycloak: " + e.getMessage());
    }
  }

  /** Where a run that got Keycloak's realm and staff ready says so, in the data folder {@code --fresh} empties. */
  private static Path readyMark(Path home) {
    return home.resolve("data/stp-demo-ready");
  }

  private void markReady(LocalKeycloak running) {
    Path home = DemoKeycloak.home(settings.state(), settings.keycloakVersion());
    try {
      Files.writeString(readyMark(home), "realm " + DemoSettings.REALM + " and its staff ready at " + running.baseUrl()
          + "\n");
    } catch (IOException e) {
      throw new DemoProblem("Cannot write " + readyMark(home) + ": " + e.getMessage());
    }
  }

  private void requireNotStopping() {
    if (stopping || Thread.currentThread().isInterrupted()) {
      throw new DemoProblem("stopping");
    }
  }
}

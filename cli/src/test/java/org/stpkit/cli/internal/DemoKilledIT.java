package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stp demo} killed with SIGKILL, so that its shutdown hook never runs: the service, a JVM
 * of the kit's own, ends by itself; Keycloak's JVM, which is not, is stopped by the next {@code stp
 * demo}, which says so. The real launcher and command over a stand-in checkout and distribution: the
 * service's jar and kc.sh each start a {@link SleepingJvm}, kc.sh by exec as the real one does, so the
 * demo gets as far as starting both children in seconds rather than minutes ({@link DemoIT} runs the
 * real ones).
 */
class DemoKilledIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path FOLDER = Path.of("target/demo-killed-it").toAbsolutePath();
  private static final Path CHECKOUT = FOLDER.resolve("checkout");
  private static final Path STATE = FOLDER.resolve("state");
  /** Two JVMs to start after stp's own: seconds when idle, far more on a loaded 2-core machine. */
  private static final Duration CHILDREN_STARTED = Duration.ofMinutes(3);
  /**
   * The service sees its standard input end as soon as stp is gone and exits within a second; the
   * bound leaves room for a loaded machine and for this JVM noticing the exit of a process that is
   * not its child, which the JDK polls for.
   */
  private static final Duration SERVICE_EXITS = Duration.ofSeconds(20);

  private final List<ProcessHandle> started = new ArrayList<>();

  @BeforeEach
  void standInCheckoutAndKeycloak() throws IOException {
    deleteRecursively(FOLDER);
    Path jar = CHECKOUT.resolve(DemoSettings.MODULE).resolve("target/caseworking.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(CHECKOUT.resolve(DemoSettings.MODULE).resolve("pom.xml"), "<project/>\n");
    writeSleepingJar(jar);
    Path realm = CHECKOUT.resolve(DemoSettings.MODULE).resolve("src/main/resources/keycloak/caseworking-realm.json");
    Files.createDirectories(realm.getParent());
    Files.writeString(realm, "{\"realm\": \"caseworking\"}\n");
    Path kcSh = DemoKeycloak.home(STATE, StpCommand.buildProperty("keycloakVersion")).resolve("bin/kc.sh");
    Files.createDirectories(kcSh.getParent());
    Files.writeString(kcSh, "#!/bin/sh\nexec \"$JAVA_HOME/bin/java\" -cp '" + jar + "' " + SleepingJvm.class.getName()
        + " keycloak \"$@\"\n");
    assertThat(kcSh.toFile().setExecutable(true)).isTrue();
  }

  @AfterEach
  void stopWhatIsLeft() {
    // Only when an assertion failed: nothing the test started outlives it.
    started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void aKilledDemosServiceExitsByItselfAndTheNextRunStopsTheKeycloakItLeft() throws Exception {
    int port = freePort();
    int keycloakPort = freePort();
    int notifyPort = freePort();
    Demo first = Demo.start(port, keycloakPort, notifyPort);
    started.add(first.process().toHandle());
    ProcessHandle service = first.awaitChild(command -> command.contains("caseworking.jar"));
    ProcessHandle keycloak = first.awaitChild(command -> command.contains(" keycloak "));
    started.addAll(List.of(service, keycloak));
    awaitRecordOf(keycloak);

    first.process().toHandle().destroyForcibly();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("stp killed").isTrue();
    long killed = System.nanoTime();

    assertThat(service.onExit()).as("the service exits by itself once stp has gone")
        .succeedsWithin(SERVICE_EXITS);
    System.out.printf("the service exited %.1f s after stp was killed%n", (System.nanoTime() - killed) / 1e9);
    assertThat(first.output()).doesNotContain("stopping everything");
    assertThat(keycloak.isAlive()).as("Keycloak's JVM, left behind by the killed stp").isTrue();

    // The service's port taken: the second run stops after dealing with what the first left behind.
    try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      Demo second = Demo.start(port, keycloakPort, notifyPort);
      started.add(second.process().toHandle());
      assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).as("the second stp demo finished").isTrue();
      second.awaitOutputEnd();

      assertThat(second.process().exitValue()).isEqualTo(DemoCommand.CANNOT_START);
      assertThat(second.lines()).startsWith("stp demo: stopped Keycloak (pid " + keycloak.pid() + "), left running by"
          + " an earlier stp demo that was killed before it could stop it", "stp demo: port " + port + ", for the"
          + " service, is in use by another program on 127.0.0.1. Stop the program that uses it (an earlier stp"
          + " demo still running?), or choose another port with --port <port> or the environment variable"
          + " STP_DEMO_PORT.");
    }
    assertThat(keycloak.isAlive()).isFalse();
    assertThat(STATE.resolve("processes.tsv")).doesNotExist();
  }

  /** Keycloak's JVM in the demo's record: recorded by the command it has after kc.sh's exec. */
  private static void awaitRecordOf(ProcessHandle keycloak) throws Exception {
    Path record = STATE.resolve("processes.tsv");
    String expected = "Keycloak\t" + keycloak.pid() + "\t" + keycloak.info().startInstant().orElseThrow() + "\t"
        + keycloak.info().command().orElseThrow();
    long deadline = System.nanoTime() + CHILDREN_STARTED.toNanos();
    while (!(Files.exists(record) && Files.readAllLines(record).contains(expected))) {
      assertThat(System.nanoTime()).as("%s recorded in %s", expected, record).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** A jar whose main class is {@link SleepingJvm}, as the example's runnable jar is the service's. */
  private static void writeSleepingJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SleepingJvm.class.getName());
    String entry = SleepingJvm.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        InputStream classFile = SleepingJvm.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      classFile.transferTo(out);
      out.closeEntry();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** {@code ./stp demo} over the stand-ins, its output collected as it comes. */
  private record Demo(Process process, List<String> lines, Thread reader) {
    static Demo start(int port, int keycloakPort, int notifyPort) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("stp").toString(), "demo", "--no-build", "--checkout",
          CHECKOUT.toString(), "--state-dir", STATE.toString(), "--port", String.valueOf(port), "--keycloak-port",
          String.valueOf(keycloakPort), "--notify-port", String.valueOf(notifyPort))
          .directory(ROOT.toFile()).redirectErrorStream(true);
      builder.environment().put("CI", "true");
      Process process = builder.start();
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
            System.out.println("stp demo | " + line);
          }
        } catch (IOException e) {
          lines.add("(output unreadable: " + e + ")");
        }
      }, "stp-demo-output");
      reader.setDaemon(true);
      reader.start();
      return new Demo(process, lines, reader);
    }

    /** The child of stp whose command line matches, once it has started. */
    ProcessHandle awaitChild(java.util.function.Predicate<String> commandLine) throws InterruptedException {
      long deadline = System.nanoTime() + CHILDREN_STARTED.toNanos();
      while (true) {
        Optional<ProcessHandle> child = process.children()
            .filter(candidate -> commandLine.test(candidate.info().commandLine().orElse("") + " "))
            .findFirst();
        if (child.isPresent()) {
          return child.get();
        }
        assertThat(process.isAlive()).as("stp demo running:\n%s", output()).isTrue();
        assertThat(System.nanoTime()).as("a child of stp demo started in time:\n%s", output()).isLessThan(deadline);
        Thread.sleep(100);
      }
    }

    void awaitOutputEnd() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    String output() {
      return String.join("\n", lines);
    }
  }
}

package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ./stp} launcher over the jar this build made: it makes its start-up archive on first
 * use — Java 25's ahead-of-time cache when a JDK 25 is installed, else a class-data sharing archive
 * — and runs {@code stp render} with it, saying nothing on standard error. Both paths are run on
 * every machine that has both JVMs: the java on the PATH, and a JDK 25 or newer under /usr/lib/jvm.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** A JVM the launcher may run, and the archive it makes for it. */
  record Jvm(String name, Path java, Path archive) {
    /** The record of the JVM the archive was last made by; the jar being newer than it means a rebuild. */
    Path record() {
      return Path.of(archive + ".jvm");
    }

    Map<String, String> environment() {
      return Map.of("STP_JAVA", java.toString());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Jvm> jvms() throws IOException {
    List<Jvm> jvms = new ArrayList<>();
    Path pathJava = pathJava();
    boolean aot = major(pathJava).orElse(0) >= 25;
    jvms.add(new Jvm("Java " + major(pathJava).orElse(0) + (aot ? " (ahead-of-time cache)" : " (class-data sharing)"),
        pathJava, ROOT.resolve(aot ? "cli/target/stp.aot" : "cli/target/stp.jsa")));
    jdk25().filter(java -> !java.equals(pathJava))
        .ifPresent(java -> jvms.add(new Jvm("Java " + major(java).orElse(0) + " (ahead-of-time cache)", java,
            ROOT.resolve("cli/target/stp.aot"))));
    return jvms.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jvms")
  void makesTheArchiveOnFirstUseThenRendersWithIt(Jvm jvm) throws Exception {
    Files.deleteIfExists(jvm.archive());
    Files.deleteIfExists(jvm.record());
    String requests = "{\"component\": \"tag\", \"params\": {\"text\": \"Ready\"}}\n"
        + "{\"component\": \"nope\"}\n"
        + "{\"component\": \"mojBadge\", \"params\": {\"text\": \"Urgent\"}}\n";

    Run first = stp(jvm.environment(), requests, "render", "--batch");
    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(jvm.archive()).isNotEmptyFile();
    List<String> lines = first.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("govuk-tag", "Ready");
    assertThat(lines.get(1)).startsWith("{\"error\":\"line 2: Unknown component 'nope'");
    assertThat(lines.get(2)).contains("moj-badge", "Urgent");

    Run again = stp(jvm.environment(), requests, "render", "--batch");
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).isEqualTo(first.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jvms")
  void aBatchRenderRunsOnTheRenderJarAloneAndOtherCommandsOnBothJarsWithTheSameArchive(Jvm jvm) throws Exception {
    // The JVM's own account: the class path it was given, and where each class came from.
    Map<String, String> environment = new java.util.HashMap<>(jvm.environment());
    environment.put("STP_JAVA_OPTS", "-XshowSettings:properties -Xlog:class+load=info:stderr");
    String renderJar = ROOT.resolve("cli/target/stp-render.jar").toString();
    String fullJar = ROOT.resolve("cli/target/stp.jar").toString();

    Run batch = stp(environment, "{\"component\": \"tag\", \"params\": {\"text\": \"Ready\"}}\n", "render", "--batch");
    assertThat(batch.exitCode()).isZero();
    assertThat(batch.out()).contains("govuk-tag", "Ready");
    assertThat(batch.err()).contains(renderJar).doesNotContain(fullJar)
        .containsPattern("org\\.stpkit\\.templates\\.GovukTemplates source: shared objects file");

    Run version = stp(environment, "", "--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains("govuk-frontend 6.6.0");
    assertThat(version.err()).contains(renderJar, fullJar)
        .containsPattern("org\\.stpkit\\.cli\\.internal\\.StpCommand source: shared objects file")
        .containsPattern("picocli\\.CommandLine source: .*stp\\.jar");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jvms")
  void aStaleArchiveIsMadeAgainAndAnUnusableOneIsIgnoredQuietly(Jvm jvm) throws Exception {
    stp(jvm.environment(), "", "--version"); // an archive and its JVM record, whichever test runs first
    Files.writeString(jvm.archive(), "not an archive");
    Run withJunk = stp(jvm.environment(), "", "--version");
    assertThat(withJunk.err()).isEmpty();
    assertThat(withJunk.out()).contains("govuk-frontend 6.6.0");

    Files.setLastModifiedTime(jvm.record(), FileTime.fromMillis(0)); // as if the jar were rebuilt since
    Run remade = stp(jvm.environment(), "", "--version");
    assertThat(remade.err()).isEmpty();
    assertThat(Files.size(jvm.archive())).isGreaterThan(1_000_000);

    // Made by another JVM: made again, and the record names this one.
    String thisJvm = Files.readString(jvm.record());
    Files.writeString(jvm.record(), "/opt/another/jdk/bin/java 1 2\n");
    Files.writeString(jvm.archive(), "not an archive");
    assertThat(stp(jvm.environment(), "", "--version").err()).isEmpty();
    assertThat(Files.readString(jvm.record())).isEqualTo(thisJvm);
    assertThat(Files.size(jvm.archive())).isGreaterThan(1_000_000);
  }

  @Test
  void withoutStpJavaAnInstalledJdk25IsPreferredForItsAheadOfTimeCache() throws Exception {
    Optional<Path> jdk25 = jdk25();
    Path aot = ROOT.resolve("cli/target/stp.aot");
    Path aotRecord = Path.of(aot + ".jvm");
    Files.deleteIfExists(aotRecord);
    Run run = stp(Map.of(), "", "--version");
    assertThat(run.err()).isEmpty();
    if (jdk25.isPresent()) {
      assertThat(Files.readString(aotRecord)).startsWith(jdk25.get() + " ");
      assertThat(aot).isNotEmptyFile();
    } else {
      assertThat(aotRecord).doesNotExist();
    }
  }

  @Test
  void theJvmChosenIsKeptForTheNextRunAndWorkedOutAgainWhenItNoLongerHolds() throws Exception {
    Path launch = ROOT.resolve("cli/target/stp.launch");
    Files.deleteIfExists(launch);
    Run first = stp(Map.of(), "", "--version");
    assertThat(first.err()).isEmpty();
    List<String> kept = Files.readAllLines(launch);
    Path pathJava = pathJava();
    String chosen = (major(pathJava).orElse(0) >= 25 ? Optional.of(pathJava) : jdk25()).orElse(pathJava).toString();
    assertThat(kept).hasSize(7);
    assertThat(kept.get(0)).isEqualTo("stp-launch 1");
    assertThat(kept.get(1)).isEmpty(); // no STP_JAVA
    assertThat(kept.get(4)).isEqualTo(chosen);

    // A JVM that has gone (uninstalled since): the choice is made again, and the run still works.
    List<String> gone = new ArrayList<>(kept);
    gone.set(4, "/opt/gone/jdk/bin/java");
    Files.write(launch, gone);
    Run again = stp(Map.of(), "", "--version");
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).isEmpty();
    assertThat(Files.readAllLines(launch)).isEqualTo(kept);

    // Another STP_JAVA is another choice; the record follows it.
    Run other = stp(Map.of("STP_JAVA", pathJava.toString()), "", "--version");
    assertThat(other.exitCode()).isZero();
    assertThat(Files.readAllLines(launch).get(1)).isEqualTo(pathJava.toString());
    assertThat(Files.readAllLines(launch).get(4)).isEqualTo(pathJava.toString());

    Files.writeString(launch, "not a launch record\n");
    assertThat(stp(Map.of(), "", "--version").exitCode()).isZero();
    assertThat(Files.readAllLines(launch)).isEqualTo(kept);
  }

  @Test
  void aJavaOlderThan17IsRefusedByNameBeforeAnythingRuns() throws Exception {
    Path jdk = Files.createTempDirectory("stp-old-jdk");
    try {
      Path java = jdk.resolve("bin/java");
      Files.createDirectories(java.getParent());
      Files.writeString(java, "#!/bin/sh\necho this JVM must not be run\nexit 99\n");
      assertThat(java.toFile().setExecutable(true)).isTrue();
      Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Old\"\nJAVA_VERSION=\"11.0.21\"\n");

      Run run = stp(Map.of("STP_JAVA", java.toString()), "", "demo");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("stp: " + java + " is Java 11; stp needs Java 17 or newer. Install a JDK 17 or"
          + " later and put it on the PATH, or set STP_JAVA to its bin/java.\n");
    } finally {
      try (Stream<Path> files = Files.walk(jdk)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  void theJvmsOwnWarningsStayOffStandardOutput() throws Exception {
    // -XX:+UseLargePages on a machine without large pages makes the JVM warn, by default on
    // standard output, where it would corrupt what stp writes.
    Run run = stp(Map.of("STP_JAVA_OPTS", "-XX:+UseLargePages"), "", "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .allMatch(line -> line.startsWith("stp ") || line.startsWith("govuk-frontend ") || line.startsWith("MoJ Frontend "));
  }

  /** The java on the PATH, its links followed, as the launcher finds it. */
  private static Path pathJava() throws IOException {
    for (String folder : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path java = Path.of(folder, "java");
      if (Files.isExecutable(java)) {
        return java.toRealPath();
      }
    }
    throw new IllegalStateException("no java on the PATH");
  }

  /** The newest JDK 25 or newer under /usr/lib/jvm, as the launcher looks for one. */
  private static Optional<Path> jdk25() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.map(home -> home.resolve("bin/java"))
          .filter(Files::isExecutable)
          .filter(java -> major(java).orElse(0) >= 25)
          .max((a, b) -> Integer.compare(major(a).orElse(0), major(b).orElse(0)));
    }
  }

  /** The feature version in a JDK's release file. */
  private static Optional<Integer> major(Path java) {
    Path release = java.getParent().getParent().resolve("release");
    try {
      Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
      return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run stp(Map<String, String> environment, String input, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("stp").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("stp-out", ".txt");
    Path err = Files.createTempFile("stp-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(ROOT.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().remove("STP_JAVA");
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("stp finished within two minutes").isTrue();
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

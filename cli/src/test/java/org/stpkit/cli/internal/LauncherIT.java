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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./stp} launcher over the jar this build made: it makes the class-data sharing archive
 * on first use, and runs {@code stp render} with it, saying nothing on standard error.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path ARCHIVE = ROOT.resolve("cli/target/stp.jsa");
  /** The record of the JVM the archive was last made by; the jar being newer than it means a rebuild. */
  private static final Path JVM_RECORD = ROOT.resolve("cli/target/stp.jsa.jvm");

  @Test
  void makesTheArchiveOnFirstUseThenRendersWithIt() throws Exception {
    Files.deleteIfExists(ARCHIVE);
    Files.deleteIfExists(JVM_RECORD);
    String requests = "{\"component\": \"tag\", \"params\": {\"text\": \"Ready\"}}\n"
        + "{\"component\": \"nope\"}\n";

    Run first = stp(requests, "render", "--batch");
    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(ARCHIVE).isNotEmptyFile();
    List<String> lines = first.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("govuk-tag", "Ready");
    assertThat(lines.get(1)).startsWith("{\"error\":\"line 2: Unknown component 'nope'");

    Run again = stp(requests, "render", "--batch");
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).isEqualTo(first.out());
  }

  @Test
  void aStaleArchiveIsMadeAgainAndAnUnusableOneIsIgnoredQuietly() throws Exception {
    stp("", "--version"); // an archive and its JVM record, whichever test runs first
    Files.writeString(ARCHIVE, "not an archive");
    Run withJunk = stp("", "--version");
    assertThat(withJunk.err()).isEmpty();
    assertThat(withJunk.out()).contains("govuk-frontend 6.6.0");

    Files.setLastModifiedTime(JVM_RECORD, FileTime.fromMillis(0)); // as if the jar were rebuilt since
    Run remade = stp("", "--version");
    assertThat(remade.err()).isEmpty();
    assertThat(Files.size(ARCHIVE)).isGreaterThan(1_000_000);

    // Made by another JVM: made again, and the record names this one.
    String thisJvm = Files.readString(JVM_RECORD);
    Files.writeString(JVM_RECORD, "/opt/another/jdk/bin/java 1 2\n");
    Files.writeString(ARCHIVE, "not an archive");
    assertThat(stp("", "--version").err()).isEmpty();
    assertThat(Files.readString(JVM_RECORD)).isEqualTo(thisJvm);
    assertThat(Files.size(ARCHIVE)).isGreaterThan(1_000_000);
  }

  @Test
  void theJvmsOwnWarningsStayOffStandardOutput() throws Exception {
    // -XX:+UseLargePages on a machine without large pages makes the JVM warn, by default on
    // standard output, where it would corrupt what stp writes.
    Run run = stp(Map.of("STP_JAVA_OPTS", "-XX:+UseLargePages"), "", "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).allMatch(line -> line.startsWith("stp ") || line.startsWith("govuk-frontend ") || line.startsWith("MoJ Frontend "));
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run stp(String input, String... args) throws IOException, InterruptedException {
    return stp(Map.of(), input, args);
  }

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
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stp finished within a minute").isTrue();
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

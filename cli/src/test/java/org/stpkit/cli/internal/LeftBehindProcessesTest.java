package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next {@code stp demo} stops from a record a killed run left: only a recorded process that
 * is still the same process (pid, start instant and executable), and nothing while the run that
 * wrote the record is still running. Real processes ({@code sleep}); the record written as a run
 * writes it, or by hand where the test needs a run that is gone or a pid given to another process.
 */
class LeftBehindProcessesTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir Path folder;
  private Process sleeping;

  @AfterEach
  void stopTheSleep() {
    if (sleeping != null) {
      sleeping.destroyForcibly();
    }
  }

  @Test
  void stopsARecordedProcessWhoseRunHasGoneAndSaysSo() throws Exception {
    sleeping = new ProcessBuilder("sleep", "300").start();
    Path record = writeRecord(goneOwner(), "Keycloak", sleeping.toHandle(), startOf(sleeping.toHandle()));

    assertThat(LeftBehindProcesses.stopLeftBehind(record, GRACE)).contains("stopped Keycloak (pid " + sleeping.pid()
        + "), left running by an earlier stp demo that was killed before it could stop it");
    assertThat(sleeping.waitFor()).as("ended by SIGTERM").isEqualTo(143);
    assertThat(record).doesNotExist();
  }

  @Test
  void stopsTheProgramARecordedShellHasExecdSinceUnderTheSamePid() throws Exception {
    // As kc.sh does: the shell execs java under its own pid and start instant. A run killed between
    // the exec and its next note recorded the shell.
    sleeping = new ProcessBuilder("bash", "-c", "exec sleep 300").start();
    ProcessHandle handle = sleeping.toHandle();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!handle.info().command().orElse("").endsWith("/sleep") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(handle.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("/sleep"));
    Path record = writeRecord(goneOwner(), "Keycloak", handle.pid(), startOf(handle), "/usr/bin/bash");

    assertThat(LeftBehindProcesses.stopLeftBehind(record, GRACE)).hasValueSatisfying(said -> assertThat(said)
        .startsWith("stopped Keycloak (pid " + sleeping.pid() + ")"));
    assertThat(sleeping.waitFor()).as("ended by SIGTERM").isEqualTo(143);
  }

  @Test
  void neverStopsAProcessWhoseRecordedCommandWasAnotherProgram() throws Exception {
    sleeping = new ProcessBuilder("sleep", "300").start();
    Path record = writeRecord(goneOwner(), "Keycloak", sleeping.pid(), startOf(sleeping.toHandle()), "/usr/bin/java");

    assertThat(LeftBehindProcesses.stopLeftBehind(record, GRACE)).isEmpty();
    assertThat(sleeping.isAlive()).isTrue();
  }

  @Test
  void neverStopsAProcessThatOnlyHasTheRecordedPid() throws Exception {
    sleeping = new ProcessBuilder("sleep", "300").start();
    // As if the recorded process had ended and the system had given its pid to this one.
    Path record = writeRecord(goneOwner(), "Keycloak", sleeping.toHandle(),
        startOf(sleeping.toHandle()).minusSeconds(3600));

    assertThat(LeftBehindProcesses.stopLeftBehind(record, GRACE)).isEmpty();
    assertThat(sleeping.isAlive()).isTrue();
    assertThat(record).as("removed: what it held has gone").doesNotExist();
  }

  @Test
  void stopsNothingWhileTheRunThatRecordedItIsRunning() throws Exception {
    sleeping = new ProcessBuilder("sleep", "300").start();
    Path record = folder.resolve("processes.tsv");
    LeftBehindProcesses.of(record).note("Keycloak", sleeping.toHandle()); // by this JVM, which is running

    assertThat(Files.readAllLines(record)).hasSize(3);
    assertThat(LeftBehindProcesses.stopLeftBehind(record, GRACE)).isEmpty();
    assertThat(sleeping.isAlive()).isTrue();
    assertThat(record).exists();
  }

  @Test
  void aRecordOfProcessesThatHaveEndedIsRemovedQuietly() throws Exception {
    Process ended = new ProcessBuilder("sleep", "300").start();
    ProcessHandle handle = ended.toHandle();
    Instant started = startOf(handle);
    String command = handle.info().command().orElseThrow();
    ended.destroyForcibly().waitFor();
    Path record = writeRecord(goneOwner(), "Keycloak", handle.pid(), started, command);

    assertThat(LeftBehindProcesses.stopLeftBehind(record, GRACE)).isEmpty();
    assertThat(record).doesNotExist();
  }

  /** A run that has gone: this JVM's pid with a start long before this JVM's. */
  private static String goneOwner() {
    ProcessHandle self = ProcessHandle.current();
    return "owner\t" + self.pid() + "\t" + startOf(self).minusSeconds(86_400) + "\t"
        + self.info().command().orElseThrow();
  }

  private Path writeRecord(String owner, String what, ProcessHandle process, Instant started) throws Exception {
    return writeRecord(owner, what, process.pid(), started, process.info().command().orElseThrow());
  }

  private Path writeRecord(String owner, String what, long pid, Instant started, String command) throws Exception {
    Path record = folder.resolve("processes.tsv");
    Files.write(record, List.of("stp-demo-processes 1", owner, what + "\t" + pid + "\t" + started + "\t" + command));
    return record;
  }

  private static Instant startOf(ProcessHandle process) {
    return process.info().startInstant().orElseThrow();
  }
}

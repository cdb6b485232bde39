package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping what a command started: every process, and every process those started. */
class ChildProcessesTest {
  @TempDir Path folder;

  @Test
  void stopsEachProcessWithTheProcessesItStarted() throws Exception {
    ChildProcesses children = new ChildProcesses();
    Process shell = children.start(new ProcessBuilder("sh", "-c", "echo started; sleep 300 & sleep 300 & wait"),
        folder.resolve("logs/shell.log"));
    List<ProcessHandle> tree = awaitTree(shell, 3);

    int stopped = children.stopAll();

    assertThat(stopped).isEqualTo(3);
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(Files.readString(folder.resolve("logs/shell.log"))).isEqualTo("started\n");
  }

  @Test
  void killsWhatDoesNotStopWhenAsked() throws Exception {
    ChildProcesses children = new ChildProcesses();
    // SIGTERM ignored by the shell and, inherited, by its sleep: only a kill stops them.
    Process stubborn = children.start(new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 300 & wait"),
        folder.resolve("stubborn.log"));
    List<ProcessHandle> tree = awaitTree(stubborn, 2);

    long began = System.nanoTime();
    int stopped = ChildProcesses.stop(tree, Duration.ofSeconds(1));

    assertThat(stopped).isEqualTo(2);
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void startsNothingOnceStopping() throws Exception {
    ChildProcesses children = new ChildProcesses();
    children.stopAll();

    assertThatThrownBy(() -> children.start(new ProcessBuilder("true"), folder.resolve("late.log")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> children.startReading(new ProcessBuilder("true")))
        .isInstanceOf(IllegalStateException.class);
  }

  /** The process and its descendants once there are {@code size} of them (the shell starts its children a moment later). */
  private static List<ProcessHandle> awaitTree(Process process, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<ProcessHandle> tree = ChildProcesses.treeOf(process.toHandle());
    while (tree.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(50);
      tree = ChildProcesses.treeOf(process.toHandle());
    }
    assertThat(tree).hasSize(size).allMatch(ProcessHandle::isAlive);
    return tree;
  }
}

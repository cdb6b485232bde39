package org.stpkit.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a command starts, each with its output in a log file, and stopping them with
 * everything they started in turn: a command that leaves a server running after Ctrl-C holds its
 * port until someone finds it by hand.
 */
final class ChildProcesses {
  /** How long a process is given to stop when asked (SIGTERM) before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final List<Process> started = new ArrayList<>();
  private final Set<Long> startedPids = new HashSet<>();
  private boolean stopped;

  /**
   * Starts a process with its standard output and error appended to {@code log}.
   *
   * @throws IllegalStateException when {@link #stopAll} has run: nothing starts once stopping has begun
   */
  synchronized Process start(ProcessBuilder builder, Path log) throws IOException {
    if (stopped) {
      throw new IllegalStateException("stopping: nothing more is started");
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Standard input stays a pipe that only this JVM holds, open while the Process is kept below:
    // ExitWithStp ends a JVM when that pipe ends.
    Process process = builder.start();
    started.add(process);
    startedPids.add(process.pid());
    return process;
  }

  /**
   * Starts a process whose output the caller reads ({@link Process#getInputStream()}, standard error
   * merged in), to show its progress and keep its log.
   */
  synchronized Process startReading(ProcessBuilder builder) throws IOException {
    if (stopped) {
      throw new IllegalStateException("stopping: nothing more is started");
    }
    Process process = builder.redirectErrorStream(true).start();
    started.add(process);
    startedPids.add(process.pid());
    return process;
  }

  /** Whether {@code process} was started here, even if it has been stopped since. */
  synchronized boolean startedHere(ProcessHandle process) {
    return startedPids.contains(process.pid());
  }

  /**
   * Stops every process started here and every process they started, and waits until they have
   * gone; returns how many processes were stopped. Later calls to {@link #start} fail.
   */
  int stopAll() {
    List<ProcessHandle> tree = new ArrayList<>();
    synchronized (this) {
      stopped = true;
      for (Process process : started) {
        tree.addAll(treeOf(process.toHandle()));
      }
      started.clear();
    }
    return stop(tree, GRACE);
  }

  /** A process and its descendants, the deepest last; taken before any of them is stopped, since an orphan has no parent to be found by. */
  static List<ProcessHandle> treeOf(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    tree.addAll(root.descendants().toList());
    return tree;
  }

  /**
   * Asks each process to stop (SIGTERM, so that servers shut down cleanly), waits up to
   * {@code grace} for all of them, then kills what is left and waits for that. Returns how many were
   * still running when asked.
   */
  static int stop(List<ProcessHandle> processes, Duration grace) {
    List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
    alive.forEach(ProcessHandle::destroy);
    if (!awaitExit(alive, grace)) {
      alive.forEach(ProcessHandle::destroyForcibly);
      awaitExit(alive, Duration.ofSeconds(10));
    }
    return alive.size();
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        // onExit never completes exceptionally; nothing to wait for.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}

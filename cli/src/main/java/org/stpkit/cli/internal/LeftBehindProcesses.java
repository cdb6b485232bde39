package org.stpkit.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processes of one {@code stp demo} run that do not stop by themselves when stp is killed
 * (Keycloak's JVM: not the kit's code, so {@link ExitWithStp} cannot be given to it), recorded in
 * the state folder as they start, so that the next run can stop those a killed run left behind.
 *
 * <p>A process is known again by its pid, start instant and command together: a pid the system has
 * since given to another process has another start instant, and a process is never stopped on its
 * pid alone. (A recorded shell may since have exec'd its program, which keeps the pid and the start
 * instant: kc.sh and its JVM.) The run that wrote the record is recorded the same way, and while it is still running
 * nothing is stopped: a second {@code stp demo} over the same state folder then finds the ports in
 * use and says so, rather than stopping the first one's Keycloak.
 *
 * <p>The file, one process a line, fields separated by tabs (a command may hold spaces):
 * <pre>
 * stp-demo-processes 1
 * owner  &lt;pid&gt;  &lt;start instant&gt;  &lt;command&gt;
 * &lt;what&gt;  &lt;pid&gt;  &lt;start instant&gt;  &lt;command&gt;
 * </pre>
 */
final class LeftBehindProcesses {
  private static final String HEADER = "stp-demo-processes 1";
  private static final String OWNER = "owner";
  private static final Set<String> SHELLS = Set.of("bash", "sh", "dash");

  private final Path file;
  private final Map<Long, Entry> recorded = new LinkedHashMap<>();

  private LeftBehindProcesses(Path file) {
    this.file = file;
  }

  /** A record for this run, in {@code file}; nothing is written until a process is {@linkplain #note noted}. */
  static LeftBehindProcesses of(Path file) {
    return new LeftBehindProcesses(file);
  }

  /** A process as it is recognised again: what it is, its pid, when it started and its executable. */
  record Entry(String what, long pid, Instant started, String command) {
    static Optional<Entry> of(String what, ProcessHandle process) {
      ProcessHandle.Info info = process.info();
      if (info.startInstant().isEmpty() || info.command().isEmpty()) {
        // Not to be recognised safely later (or already gone): never recorded, so never stopped.
        return Optional.empty();
      }
      return Optional.of(new Entry(what, process.pid(), info.startInstant().get(), info.command().get()));
    }

    /**
     * The same process, still running: the same pid, start instant and command, or a command a
     * recorded shell has since exec'd (kc.sh execs its JVM under the same pid and start instant, and a
     * run killed in the moment between the exec and its next note recorded the shell).
     */
    Optional<ProcessHandle> running() {
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(process -> process.info().startInstant().equals(Optional.of(started)))
          .filter(process -> process.info().command().map(now -> now.equals(command) || isShell(command)).orElse(false));
    }

    private static boolean isShell(String command) {
      return SHELLS.contains(command.substring(command.lastIndexOf('/') + 1));
    }

    String line() {
      return what + "\t" + pid + "\t" + started + "\t" + command;
    }

    static Optional<Entry> parse(String line) {
      String[] fields = line.split("\t", 4);
      if (fields.length != 4) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Entry(fields[0], Long.parseLong(fields[1]), Instant.parse(fields[2]), fields[3]));
      } catch (NumberFormatException | DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Records {@code process} as {@code what}, or records it anew when its command has changed: a
   * script that execs its program (kc.sh execs java) is the same pid with another command after.
   */
  synchronized void note(String what, ProcessHandle process) {
    Optional<Entry> entry = Entry.of(what, process);
    if (entry.isEmpty() || entry.get().equals(recorded.get(process.pid()))) {
      return;
    }
    Map<Long, Entry> noted = new LinkedHashMap<>(recorded);
    noted.put(process.pid(), entry.get());
    write(noted.values());
    // Only once written: a write that failed is tried again at the next note.
    recorded.put(process.pid(), entry.get());
  }

  /** Forgets every process: called once everything this run started has stopped. */
  synchronized void clear() {
    recorded.clear();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The next run finds the processes gone and removes the record itself.
    }
  }

  private void write(Collection<Entry> entries) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    Entry.of(OWNER, ProcessHandle.current()).ifPresent(owner -> lines.add(owner.line()));
    entries.forEach(entry -> lines.add(entry.line()));
    Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(partial, lines, StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DemoProblem("Cannot record the processes stp demo starts in " + file + ": " + e.getMessage());
    }
  }

  /**
   * Stops the processes recorded in {@code file} by a run that has gone (destroyed, then killed
   * after {@code grace}) and removes the record; says what it stopped, or nothing when nothing was
   * left. Leaves everything as it is while the run that wrote the record is still running.
   */
  static Optional<String> stopLeftBehind(Path file, Duration grace) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot read " + file + " (" + e.getMessage() + "): processes an earlier run left"
          + " behind, if any, are not stopped");
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      deleteQuietly(file);
      return Optional.empty();
    }
    List<Entry> entries = lines.stream().skip(1).map(Entry::parse).flatMap(Optional::stream).toList();
    if (entries.stream().anyMatch(entry -> entry.what().equals(OWNER) && entry.running().isPresent())) {
      return Optional.empty();
    }
    List<Entry> left = new ArrayList<>();
    List<ProcessHandle> trees = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.what().equals(OWNER)) {
        continue;
      }
      Optional<ProcessHandle> running = entry.running();
      if (running.isPresent()) {
        left.add(entry);
        trees.addAll(ChildProcesses.treeOf(running.get()));
      }
    }
    ChildProcesses.stop(trees, grace);
    deleteQuietly(file);
    if (left.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("stopped " + String.join(", ", left.stream().map(entry -> entry.what() + " (pid "
        + entry.pid() + ")").toList()) + ", left running by an earlier stp demo that was killed before it could"
        + " stop " + (left.size() == 1 ? "it" : "them"));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Written anew by this run; what it held has been dealt with.
    }
  }
}

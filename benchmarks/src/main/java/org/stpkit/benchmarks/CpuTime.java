package org.stpkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * CPU time (user + system) from {@code /proc/<pid>/stat}, which, unlike wall time, holds up while
 * other work shares the machine: a load run reads it before and after and divides by its messages.
 */
final class CpuTime {
  private static final double TICKS_PER_SECOND = 100.0;

  private CpuTime() {}

  /** A process's CPU time so far, in milliseconds; 0 once it has gone. */
  static double ofProcess(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name may hold spaces: the fields counted here start after its closing bracket.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000.0 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * A process's CPU time so far by thread name (as {@code /proc/<pid>/task/<tid>/comm} gives it,
   * digits folded to N so that a pool's threads add up), in milliseconds.
   */
  static Map<String, Double> byThread(long pid) {
    Map<String, Double> threads = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / TICKS_PER_SECOND;
          threads.merge(name, ms, Double::sum);
        } catch (IOException | RuntimeException e) {
          // The thread ended meanwhile.
        }
      }
    } catch (IOException e) {
      return threads;
    }
    return threads;
  }

  /** This JVM's CPU time so far, in milliseconds. */
  static double ofThisProcess() {
    return ofProcess(ProcessHandle.current().pid());
  }

  /** The machine's busy CPU time so far (all processes, all cores), in milliseconds. */
  static double ofMachine() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      // user nice system idle iowait irq softirq steal: all but idle and iowait.
      for (int i = 1; i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(fields[i]);
        }
      }
      return busy * 1000.0 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The PostgreSQL backends serving {@code database} now (their pids, as pg_stat_activity shows them). */
  static List<Long> backendsOf(DataSource admin, String database) throws SQLException {
    List<Long> pids = new ArrayList<>();
    try (Connection connection = admin.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
      select.setString(1, database);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          pids.add(result.getLong(1));
        }
      }
    }
    return pids;
  }

  /**
   * PostgreSQL's own processes that serve every database (checkpointer, background writer, WAL
   * writer, autovacuum): their pids, read from {@code /proc}. Shared with whatever else uses the
   * server, so counted apart from the backends.
   */
  static List<Long> postgresAuxiliaries() {
    List<Long> pids = new ArrayList<>();
    try (var entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String command = Files.readString(entry.resolve("cmdline")).replace('\0', ' ');
          if (command.startsWith("postgres: ") && !command.contains("127.0.0.1") && !command.contains("[local]")
              && !command.contains("(")) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException | RuntimeException e) {
          // Gone meanwhile, or not ours to read.
        }
      }
    } catch (IOException e) {
      return pids;
    }
    return pids;
  }

  /** The CPU time of each of these processes so far, in milliseconds, by pid. */
  static Map<Long, Double> ofProcesses(List<Long> pids) {
    Map<Long, Double> times = new TreeMap<>();
    pids.forEach(pid -> times.put(pid, ofProcess(pid)));
    return times;
  }

  /**
   * The CPU time spent between two readings by the processes of the second: a process that started
   * meanwhile counts from nothing, and one that ended meanwhile (an autovacuum worker, say) is left
   * out rather than counted as if it had given its time back.
   */
  static double spent(Map<Long, Double> before, Map<Long, Double> after) {
    return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
  }
}

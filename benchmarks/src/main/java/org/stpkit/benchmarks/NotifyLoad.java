package org.stpkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.Channel;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * notify-adapter's load runs, against the Notify simulator in a process of its own and a fresh
 * database on the machine's PostgreSQL (HikariCP pools, as a service would give the adapter).
 * Prints JSON.
 *
 * <ul>
 *   <li>{@code throughput <messages> [warm-up]}: one dispatcher node, rate limit off, the simulator at
 *       zero latency and no faults: messages per second and CPU per message (the dispatcher's JVM,
 *       the simulator's, PostgreSQL's backends), once a warm-up backlog (as many messages unless
 *       given) has been drained from fresh JVMs; the warm-up's own figures are reported as cold;
 *   <li>{@code faults <messages> [warm-up]}: the same, the measured backlog with FaultIT's faults (10%
 *       500s, 5% 429s, 5% of answers never sent after Notify accepted, a 3 s request timeout);
 *   <li>{@code window <messages> <seconds>}: two dispatcher nodes, Notify's 3,000 a minute: the most
 *       sends the simulator accepted in any 60-second window.
 * </ul>
 */
public final class NotifyLoad {
  private static final String TEMPLATE = UUID.randomUUID().toString();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private NotifyLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> report = switch (args[0]) {
      case "throughput" -> throughput(warmUp(args), Integer.parseInt(args[1]), false);
      case "faults" -> throughput(warmUp(args), Integer.parseInt(args[1]), true);
      case "window" -> window(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException(
          "throughput <messages> [warm-up] | faults <messages> [warm-up] | window <messages> <seconds>");
    };
    report.put("load_average_at_end", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.exit(0);
  }

  /** The warm-up backlog: the optional third argument, or as many as are measured. */
  private static int warmUp(String[] args) {
    return args.length > 2 ? Integer.parseInt(args[2]) : Integer.parseInt(args[1]);
  }

  /** A pooled DataSource over the fresh database, as a service would give the adapter. */
  private static com.zaxxer.hikari.HikariDataSource pooled(PostgresDatabase database) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(16);
    return new com.zaxxer.hikari.HikariDataSource(config);
  }

  private static Map<String, Object> throughput(int warmUp, int messages, boolean faults) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("notify_bench");
        SimulatorProcess notify = SimulatorProcess.start()) {
      com.zaxxer.hikari.HikariDataSource pool = pooled(database);
      MilestoneMessenger writer = writer(pool);
      // Cold: fresh JVMs, as the runs before 2026-12-06 measured them. Both JVMs' JIT compilers
      // spend about 15 s of CPU in the first tens of thousands of messages and then little more,
      // so a short run measures mostly compiling. The warm-up has the measured run's faults, so
      // that their paths (retries, look-ups, timeouts) are compiled too.
      if (faults) {
        notify.faults(Map.of("serverErrorRate", 0.10, "rateLimitRate", 0.05, "dropAfterAcceptRate", 0.05));
      }
      queue(writer, pool, "WARM-UP-", warmUp);
      Drain cold = drain(pool, database, notify, warmUp,
          () -> node(pool, notify, "node-1", 10_000_000, faults));
      MilestoneMessenger node = cold.node();
      // Warm: the same node, now compiled, drains a second backlog.
      queue(writer, pool, "CASE-", messages);
      Drain warm = drain(pool, database, notify, messages, () -> node);
      node.close();
      pool.close();
      Map<String, Long> perReference = notify.acceptedPerReference();
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("run", faults ? "faults" : "throughput");
      report.put("what", "messages from a queued PostgreSQL outbox (HikariCP pool) to the Notify simulator in its own"
          + " process, one dispatcher node, rate limit off, " + (faults
              ? "10% 500s, 5% 429s and 5% of answers never sent (3 s request timeout)" : "no faults, zero latency")
          + "; maxInFlight 512; measured once the JVMs are warm (after a warm-up backlog, whose figures are under cold)");
      report.put("messages", messages);
      report.put("seconds", warm.seconds());
      report.put("messages_per_second", Math.round(messages / warm.seconds() * 10) / 10.0);
      report.put("messages_per_second_first_90_percent", warm.firstNinetyPercentPerSecond());
      report.put("notify_accepted", perReference.values().stream().mapToLong(Long::longValue).sum());
      report.put("references_accepted_more_than_once", perReference.values().stream().filter(n -> n > 1).count());
      report.put("cpu_ms_per_message", warm.cpu());
      report.put("cpu_ms_per_message_by_thread", warm.threads());
      Map<String, Object> coldReport = new LinkedHashMap<>();
      coldReport.put("what", "the warm-up backlog from fresh JVMs, under the same faults (what runs before 2026-12-06"
          + " measured)");
      coldReport.put("messages", warmUp);
      coldReport.put("seconds", cold.seconds());
      coldReport.put("messages_per_second", Math.round(warmUp / cold.seconds() * 10) / 10.0);
      coldReport.put("messages_per_second_first_90_percent", cold.firstNinetyPercentPerSecond());
      coldReport.put("cpu_ms_per_message", cold.cpu());
      coldReport.put("cpu_ms_per_message_by_thread", cold.threads());
      report.put("cold", coldReport);
      return report;
    }
  }

  /**
   * Whether any message is still to send. Read from the status index rather than with {@code
   * stats()}, whose counts read the whole table: asked every 20 ms of a long run they cost
   * PostgreSQL more CPU than the dispatch being measured.
   */
  private static boolean backlog(DataSource pool) throws java.sql.SQLException {
    try (Connection connection = pool.getConnection();
        java.sql.PreparedStatement select = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM notify_outbox"
            + " WHERE status IN ('QUEUED', 'SENDING', 'RETRYING'))");
        java.sql.ResultSet result = select.executeQuery()) {
      return result.next() && result.getBoolean(1);
    }
  }

  /** Whether more than {@code most} messages are still to send; reads at most {@code most + 1} index entries. */
  private static boolean moreLeftThan(DataSource pool, int most) throws java.sql.SQLException {
    try (Connection connection = pool.getConnection();
        java.sql.PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM"
            + " notify_outbox WHERE status IN ('QUEUED', 'SENDING', 'RETRYING') LIMIT ?) AS left_to_send")) {
      select.setInt(1, most + 1);
      try (java.sql.ResultSet result = select.executeQuery()) {
        return result.next() && result.getInt(1) > most;
      }
    }
  }

  /** A drained backlog: the node that drained it, how long it took and the CPU it cost. */
  private record Drain(MilestoneMessenger node, double seconds, double firstNinetyPercentPerSecond,
      Map<String, Object> cpu, Map<String, Object> threads) {}

  /** Starts (or takes) the node and waits until the backlog of {@code messages} is sent, reading the CPU it cost. */
  private static Drain drain(DataSource pool, PostgresDatabase database,
      SimulatorProcess notify, int messages, java.util.function.Supplier<MilestoneMessenger> start) throws Exception {
    List<Long> auxiliaries = CpuTime.postgresAuxiliaries();
    Map<Long, Double> postgresBefore = CpuTime.ofProcesses(CpuTime.backendsOf(pool, database.name()));
    Map<Long, Double> sharedBefore = CpuTime.ofProcesses(auxiliaries);
    double[] before = {CpuTime.ofThisProcess(), CpuTime.ofProcess(notify.pid()), 0, 0, CpuTime.ofMachine()};
    Map<String, Double> dispatcherThreads = CpuTime.byThread(ProcessHandle.current().pid());
    Map<String, Double> simulatorThreads = CpuTime.byThread(notify.pid());
    long startedAt = System.nanoTime();
    MilestoneMessenger node = start.get();
    // The last messages of a run with faults wait out a request timeout (3 s) and a backoff, maybe
    // twice: a tail that says nothing of the rate. The time to 90% of the backlog says it without.
    int tenth = messages / 10;
    double ninetyPercent = 0;
    while (ninetyPercent == 0 || backlog(pool)) {
      if (ninetyPercent == 0 && !moreLeftThan(pool, tenth)) {
        ninetyPercent = (System.nanoTime() - startedAt) / 1e9;
        continue;
      }
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    // Backends the pool opened meanwhile count from nothing.
    double[] after = {CpuTime.ofThisProcess(), CpuTime.ofProcess(notify.pid()),
        CpuTime.spent(postgresBefore, CpuTime.ofProcesses(CpuTime.backendsOf(pool, database.name()))),
        CpuTime.spent(sharedBefore, CpuTime.ofProcesses(auxiliaries)), CpuTime.ofMachine()};
    Map<String, Object> threads = new LinkedHashMap<>();
    threads.put("dispatcher_jvm", threadsPerMessage(dispatcherThreads,
        CpuTime.byThread(ProcessHandle.current().pid()), messages));
    threads.put("simulator_jvm", threadsPerMessage(simulatorThreads, CpuTime.byThread(notify.pid()), messages));
    return new Drain(node, Math.round(seconds * 100) / 100.0,
        Math.round((messages - tenth) / ninetyPercent * 10) / 10.0, cpuPerMessage(before, after, messages, seconds),
        threads);
  }

  /**
   * CPU time per message, from /proc: the dispatcher's JVM (this one; the stats polling that waits
   * for the end is a small part), the simulator's JVM, PostgreSQL's backends for the run's
   * database, PostgreSQL's shared processes, and the whole machine (everyone's work, for scale).
   */
  private static Map<String, Object> cpuPerMessage(double[] before, double[] after, int messages, double seconds) {
    String[] names = {"dispatcher_jvm", "simulator_jvm", "postgres_backends", "postgres_shared", "machine_all_processes"};
    Map<String, Object> cpu = new LinkedHashMap<>();
    double ours = 0;
    for (int i = 0; i < names.length; i++) {
      double perMessage = (after[i] - before[i]) / messages;
      if (i < 4) {
        ours += perMessage;
      }
      cpu.put(names[i], Math.round(perMessage * 1000) / 1000.0);
    }
    cpu.put("dispatcher_simulator_postgres", Math.round(ours * 1000) / 1000.0);
    cpu.put("machine_cores_busy", Math.round((after[4] - before[4]) / 1000 / seconds * 100) / 100.0);
    return cpu;
  }

  /** Per thread name, the CPU per message spent between two readings; the busiest first, those over 0.005 ms. */
  private static Map<String, Object> threadsPerMessage(Map<String, Double> before, Map<String, Double> after,
      int messages) {
    Map<String, Object> perMessage = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / messages))
        .filter(e -> e.getValue() >= 0.005)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> perMessage.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
    return perMessage;
  }

  private static Map<String, Object> window(int messages, int seconds) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("notify_bench");
        SimulatorProcess notify = SimulatorProcess.start()) {
      com.zaxxer.hikari.HikariDataSource poolA = pooled(database);
      com.zaxxer.hikari.HikariDataSource poolB = pooled(database);
      MilestoneMessenger writer = writer(poolA);
      queue(writer, poolA, "CASE-", messages);
      MilestoneMessenger a = node(poolA, notify, "node-a", 3_000, false);
      MilestoneMessenger b = node(poolB, notify, "node-b", 3_000, false);
      Thread.sleep(seconds * 1000L);
      a.close();
      b.close();
      poolA.close();
      poolB.close();
      List<Instant> sends = notify.acceptedAt();
      sends.sort(null);
      int most = 0;
      int from = 0;
      for (int to = 0; to < sends.size(); to++) {
        while (!sends.get(from).isAfter(sends.get(to).minusSeconds(60))) {
          from++;
        }
        most = Math.max(most, to - from + 1);
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("run", "window");
      report.put("what", "two dispatcher nodes on one PostgreSQL draining a backlog with a limit of 3,000 a minute; "
          + "the most sends the simulator accepted in any 60-second window");
      report.put("backlog", messages);
      report.put("seconds", seconds);
      report.put("sent", sends.size());
      report.put("most_sends_in_any_60_s", most);
      report.put("limit", 3_000);
      return report;
    }
  }

  private static MilestoneCatalogue catalogue() {
    return MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, TEMPLATE).recipient(Channel.EMAIL, "email")
            .personalise("reference", "caseRef")))
        .build();
  }

  private static MilestoneMessenger writer(DataSource database) {
    return MilestoneMessenger.builder().catalogue(catalogue()).dataSource(database).dispatch(false).build();
  }

  private static void queue(MilestoneMessenger writer, DataSource database, String prefix, int messages)
      throws Exception {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < messages; i++) {
        writer.reached(prefix + i, "DECISION_MADE", CaseData.of(Map.of("email", "person" + i + "@example.com")), connection);
      }
      connection.commit();
    }
  }

  private static MilestoneMessenger node(DataSource database, SimulatorProcess notify, String name, int limit,
      boolean faults) {
    MilestoneMessenger.Builder builder = MilestoneMessenger.builder()
        .catalogue(catalogue())
        .dataSource(database)
        .notify(notify.apiKey(), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .nodeName(name)
        .rateLimitPerMinute(limit)
        .statusPollAfter(Duration.ofHours(1))
        // As the README says to size it: rate × request timeout × share that may hang, plus the
        // requests under way; 1,000 a second × 3 s × 5% unanswered is 150 places held by hung
        // requests alone, more than the default 128. The same for the fault-free run, so that the
        // two compare.
        .maxInFlight(512);
    if (faults) {
      builder.backoff(Duration.ofMillis(50), Duration.ofSeconds(1)).maxAttempts(40)
          .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
    return builder.build();
  }

  /** The simulator in a child JVM, driven over its HTTP routes. */
  private static final class SimulatorProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;
    private final String apiKey;

    private SimulatorProcess(Process process, String baseUrl, String apiKey) {
      this.process = process;
      this.baseUrl = baseUrl;
      this.apiKey = apiKey;
    }

    static SimulatorProcess start() throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
      // SIMULATOR_OPTS: more JVM options for the simulator's process (a profiler, say).
      String extra = System.getenv().getOrDefault("SIMULATOR_OPTS", "").strip();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.split("\\s+")));
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), NotifySimulatorProcess.class.getName(),
          TEMPLATE));
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      // A JVM option (a flight recording, say) may print its own lines first.
      while (line != null && !line.startsWith("READY ")) {
        line = out.readLine();
      }
      if (line == null || !line.startsWith("READY ")) {
        process.destroyForcibly();
        throw new IllegalStateException("The simulator process did not start: " + line);
      }
      String[] ready = line.split(" ");
      return new SimulatorProcess(process, ready[1], ready[2]);
    }

    String baseUrl() {
      return baseUrl;
    }

    String apiKey() {
      return apiKey;
    }

    long pid() {
      return process.pid();
    }

    void faults(Map<String, Object> settings) throws Exception {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_simulator/faults"))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(settings))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Setting the simulator's faults failed: " + response.body());
      }
    }

    private JsonNode notifications() throws Exception {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_simulator/notifications"))
          .build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    }

    Map<String, Long> acceptedPerReference() throws Exception {
      Map<String, Long> counts = new HashMap<>();
      for (JsonNode notification : notifications()) {
        counts.merge(notification.path("reference").asText(), 1L, Long::sum);
      }
      return counts;
    }

    List<Instant> acceptedAt() throws Exception {
      List<Instant> times = new ArrayList<>();
      for (JsonNode notification : notifications()) {
        times.add(Instant.parse(notification.path("created_at").asText()));
      }
      return times;
    }

    @Override
    public void close() throws Exception {
      process.getOutputStream().close();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

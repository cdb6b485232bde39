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
 *   <li>{@code throughput <messages>}: one dispatcher node, rate limit off, the simulator at zero
 *       latency and no faults: messages per second;
 *   <li>{@code faults <messages>}: the same with FaultIT's faults (10% 500s, 5% 429s, 5% of answers
 *       never sent after Notify accepted, a 3 s request timeout): messages per second;
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
      case "throughput" -> throughput(Integer.parseInt(args[1]), false);
      case "faults" -> throughput(Integer.parseInt(args[1]), true);
      case "window" -> window(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("throughput <messages> | faults <messages> | window <messages> <seconds>");
    };
    report.put("load_average_at_end", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.exit(0);
  }

  /** A pooled DataSource over the fresh database, as a service would give the adapter. */
  private static com.zaxxer.hikari.HikariDataSource pooled(PostgresDatabase database) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(16);
    return new com.zaxxer.hikari.HikariDataSource(config);
  }

  private static Map<String, Object> throughput(int messages, boolean faults) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("notify_bench");
        SimulatorProcess notify = SimulatorProcess.start()) {
      com.zaxxer.hikari.HikariDataSource pool = pooled(database);
      MilestoneMessenger writer = writer(pool);
      queue(writer, pool, messages);
      if (faults) {
        notify.faults(Map.of("serverErrorRate", 0.10, "rateLimitRate", 0.05, "dropAfterAcceptRate", 0.05));
      }
      long start = System.nanoTime();
      MilestoneMessenger node = node(pool, notify, "node-1", 10_000_000, faults);
      while (writer.stats().backlog() > 0) {
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      node.close();
      pool.close();
      Map<String, Long> perReference = notify.acceptedPerReference();
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("run", faults ? "faults" : "throughput");
      report.put("what", "messages from a queued PostgreSQL outbox (HikariCP pool) to the Notify simulator in its own"
          + " process, one dispatcher node, rate limit off, " + (faults
              ? "10% 500s, 5% 429s and 5% of answers never sent (3 s request timeout)" : "no faults, zero latency"));
      report.put("messages", messages);
      report.put("seconds", Math.round(seconds * 100) / 100.0);
      report.put("messages_per_second", Math.round(messages / seconds * 10) / 10.0);
      report.put("notify_accepted", perReference.values().stream().mapToLong(Long::longValue).sum());
      report.put("references_accepted_more_than_once", perReference.values().stream().filter(n -> n > 1).count());
      return report;
    }
  }

  private static Map<String, Object> window(int messages, int seconds) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("notify_bench");
        SimulatorProcess notify = SimulatorProcess.start()) {
      com.zaxxer.hikari.HikariDataSource poolA = pooled(database);
      com.zaxxer.hikari.HikariDataSource poolB = pooled(database);
      MilestoneMessenger writer = writer(poolA);
      queue(writer, poolA, messages);
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

  private static void queue(MilestoneMessenger writer, DataSource database, int messages) throws Exception {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < messages; i++) {
        writer.reached("CASE-" + i, "DECISION_MADE", CaseData.of(Map.of("email", "person" + i + "@example.com")), connection);
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
        .statusPollAfter(Duration.ofHours(1));
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
      Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          NotifySimulatorProcess.class.getName(), TEMPLATE).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
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

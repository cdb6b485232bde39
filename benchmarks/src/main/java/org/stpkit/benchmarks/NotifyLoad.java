package org.stpkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.Channel;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * notify-adapter's load runs against the Notify simulator and the machine's PostgreSQL:
 * {@code throughput <messages>} (one dispatcher, no rate limit, the simulator at zero latency:
 * messages per second) and {@code window <messages> <seconds>} (two dispatchers, Notify's 3,000 a
 * minute: the most sends in any 60-second window). Prints JSON.
 */
public final class NotifyLoad {
  private static final String TEMPLATE = UUID.randomUUID().toString();

  private NotifyLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> report = args[0].equals("throughput")
        ? throughput(Integer.parseInt(args[1]))
        : window(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.exit(0);
  }

  /** A pooled DataSource over the fresh database, as a service would give the adapter. */
  private static com.zaxxer.hikari.HikariDataSource pooled(PostgresDatabase database) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(16);
    return new com.zaxxer.hikari.HikariDataSource(config);
  }

  private static Map<String, Object> throughput(int messages) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("notify_bench");
        NotifySimulator notify = simulator()) {
      com.zaxxer.hikari.HikariDataSource pool = pooled(database);
      MilestoneMessenger writer = writer(pool);
      queue(writer, pool, messages);
      long start = System.nanoTime();
      MilestoneMessenger node = node(pool, notify, "node-1", 10_000_000);
      while (writer.stats().backlog() > 0) {
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      node.close();
      pool.close();
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("run", "throughput");
      report.put("what", "messages from a queued PostgreSQL outbox (HikariCP pool) to the Notify simulator (zero latency, "
          + "no faults), one dispatcher node, 8 send threads, rate limit off");
      report.put("messages", messages);
      report.put("seconds", Math.round(seconds * 100) / 100.0);
      report.put("messages_per_second", Math.round(messages / seconds * 10) / 10.0);
      report.put("notify_accepted", notify.notifications().size());
      return report;
    }
  }

  private static Map<String, Object> window(int messages, int seconds) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("notify_bench");
        NotifySimulator notify = simulator()) {
      com.zaxxer.hikari.HikariDataSource poolA = pooled(database);
      com.zaxxer.hikari.HikariDataSource poolB = pooled(database);
      MilestoneMessenger writer = writer(poolA);
      queue(writer, poolA, messages);
      MilestoneMessenger a = node(poolA, notify, "node-a", 3_000);
      MilestoneMessenger b = node(poolB, notify, "node-b", 3_000);
      Thread.sleep(seconds * 1000L);
      a.close();
      b.close();
      poolA.close();
      poolB.close();
      List<Instant> sends = new ArrayList<>();
      for (SimulatedNotification notification : notify.notifications()) {
        sends.add(notification.createdAt());
      }
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

  private static NotifySimulator simulator() {
    SimulatedTemplate template = new SimulatedTemplate(TEMPLATE, TemplateType.EMAIL, "Decision",
        Optional.of("Decision on ((reference))"), "Your case ((reference)) has a decision.", 1);
    return NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template)).withRateLimitPerMinute(100_000_000)
        .withDailyLimits(new SimulatorConfig.DailyLimits(100_000_000, 1, 1)));
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

  private static MilestoneMessenger node(DataSource database, NotifySimulator notify, String name, int limit) {
    return MilestoneMessenger.builder()
        .catalogue(catalogue())
        .dataSource(database)
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .nodeName(name)
        .heartbeat(Duration.ofSeconds(2))
        .rateLimitPerMinute(limit)
        .statusPollAfter(Duration.ofHours(1))
        .build();
  }
}

package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * The fault test: 10,000 messages, two dispatchers on one PostgreSQL, Notify (the simulator)
 * answering 10% of sends with 500, 5% with 429 and dropping 5% after accepting them; one
 * dispatcher, a separate process, killed while it is dispatching and started again. Every message
 * is sent exactly once (the simulator's count per reference is 1) and none is lost. Writes
 * target/fault-report.json.
 */
class FaultIT {
  static final String TEMPLATE_ID = "4d1e2f30-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
  private static final int MESSAGES = Integer.getInteger("stp.fault.messages", 10_000);

  static MilestoneCatalogue catalogue() {
    return MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, TEMPLATE_ID).recipient(Channel.EMAIL, "email")
            .personalise("reference", "caseRef")))
        .build();
  }

  static MilestoneMessenger dispatcher(DataSource database, String baseUrl, String apiKey, String node) {
    return dispatcher(database, baseUrl, apiKey, node, Duration.ofHours(1));
  }

  static MilestoneMessenger dispatcher(DataSource database, String baseUrl, String apiKey, String node,
      Duration statusPollAfter) {
    return MilestoneMessenger.builder()
        .catalogue(catalogue())
        .dataSource(database)
        .notify(apiKey, baseUrl)
        .checkTemplatesAtStartup(false)
        .dispatch(true)
        .nodeName(node)
        .heartbeat(DispatcherNode.heartbeat())
        .backoff(Duration.ofMillis(50), Duration.ofSeconds(1))
        .maxAttempts(40)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
        .statusPollAfter(statusPollAfter)
        .rateLimitPerMinute(600_000)
        .build();
  }

  @Test
  void everyMessageIsSentExactlyOnceThroughFaultsAndAKilledDispatcher() throws Exception {
    SimulatedTemplate template = new SimulatedTemplate(TEMPLATE_ID, TemplateType.EMAIL, "Decision",
        Optional.of("Decision on ((reference))"), "Your case ((reference)) has a decision.", 1);
    try (PostgresDatabase database = PostgresDatabase.create("notify_fault");
        NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template))
            .withRateLimitPerMinute(10_000_000)
            .withDailyLimits(new SimulatorConfig.DailyLimits(1_000_000, 1_000_000, 1_000_000)))) {
      MilestoneMessenger writer = MilestoneMessenger.builder().catalogue(catalogue()).dataSource(database.dataSource())
          .dispatch(false).build();
      try (Connection connection = database.dataSource().getConnection()) {
        connection.setAutoCommit(false);
        for (int i = 0; i < MESSAGES; i++) {
          writer.reached("CASE-" + i, "DECISION_MADE", CaseData.of(Map.of("email", "person" + i + "@example.com")), connection);
          if (i % 1000 == 999) {
            connection.commit();
          }
        }
        connection.commit();
      }
      // Reset: the simulator's old "drop" closed the connection at once, which is what this test has
      // always proven; dropAfterAcceptRate is now a true no-answer (the client waits its timeout).
      notify.faults().serverErrorRate(0.10).rateLimitRate(0.05).resetAfterAcceptRate(0.05);
      String apiKey = notify.apiKey(KeyType.LIVE);
      String jdbcUrl = ((PGSimpleDataSource) database.dataSource()).getURL();
      long start = System.nanoTime();

      Process nodeA = startNode(jdbcUrl, notify.baseUrl(), apiKey, "node-a");
      awaitCount(writer, stats -> stats.sent() + stats.delivered() >= MESSAGES / 5, Duration.ofMinutes(2));
      MilestoneMessenger nodeB = dispatcher(database.dataSource(), notify.baseUrl(), apiKey, "node-b");
      // Kill node A while it holds the dispatch, so that it dies mid-pass.
      awaitDispatchingNode(database.dataSource(), "node-a", Duration.ofMinutes(1));
      long sentWhenKilled = writer.stats().sent();
      nodeA.destroyForcibly().waitFor();
      Thread.sleep(3_000);
      Process nodeARestarted = startNode(jdbcUrl, notify.baseUrl(), apiKey, "node-a");
      try {
        awaitCount(writer, stats -> stats.backlog() == 0, Duration.ofMinutes(5));
      } finally {
        nodeB.close();
        nodeARestarted.destroyForcibly().waitFor();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      OutboxStats stats = writer.stats();
      List<SimulatedNotification> accepted = notify.notifications();
      Map<String, Long> perReference = accepted.stream()
          .collect(Collectors.groupingBy(n -> n.reference().orElse("?"), Collectors.counting()));
      long duplicates = perReference.values().stream().filter(count -> count > 1).count();
      long retries = countEvents(database.dataSource(), "RETRYING", null);
      long foundByReference = countEvents(database.dataSource(), "SENT", "Notify already had it%");
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("messages", MESSAGES);
      report.put("faults", Map.of("serverErrorRate", 0.10, "rateLimitRate", 0.05, "resetAfterAcceptRate", 0.05));
      report.put("dispatchers", 2);
      report.put("killed", "node-a, a separate process, with SIGKILL while it held the dispatch, after "
          + sentWhenKilled + " messages were sent; started again 3 s later");
      report.put("seconds", took.toMillis() / 1000.0);
      report.put("sent", stats.sent() + stats.delivered());
      report.put("failed", stats.failed());
      report.put("notify_accepted", accepted.size());
      report.put("references_sent_more_than_once", duplicates);
      report.put("retries", retries);
      report.put("found_by_reference_after_unknown_outcome", foundByReference);
      Path file = Path.of(System.getProperty("stp.reportDir", "target"), "fault-report.json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));

      assertThat(stats.failed()).as("failed messages").isZero();
      assertThat(stats.sent() + stats.delivered()).as("messages sent").isEqualTo(MESSAGES);
      assertThat(perReference).as("one message per reference").hasSize(MESSAGES);
      assertThat(duplicates).as("references Notify received more than once").isZero();
      assertThat(accepted).hasSize(MESSAGES);
      assertThat(retries).as("the faults were exercised").isGreaterThan(MESSAGES / 10);
      assertThat(foundByReference).as("dropped answers recovered by lookup").isPositive();
    }
  }

  private static Process startNode(String jdbcUrl, String baseUrl, String apiKey, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        DispatcherNode.class.getName(), jdbcUrl, baseUrl, apiKey, name);
    builder.redirectErrorStream(true);
    builder.redirectOutput(new File(System.getProperty("stp.reportDir", "target"), name + "-" + UUID.randomUUID() + ".log"));
    return builder.start();
  }

  private static void awaitCount(MilestoneMessenger messenger, Function<OutboxStats, Boolean> done, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.apply(messenger.stats())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + limit + ": " + messenger.stats());
      }
      Thread.sleep(100);
    }
  }

  private static void awaitDispatchingNode(DataSource database, String node, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try (Connection connection = database.getConnection();
          PreparedStatement select = connection.prepareStatement(
              "SELECT picked_by FROM notify_scheduled_tasks WHERE task_name = 'notify-dispatch' AND picked");
          ResultSet result = select.executeQuery()) {
        if (result.next() && node.equals(result.getString(1))) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(node + " never held the dispatch within " + limit);
      }
      Thread.sleep(20);
    }
  }

  private static long countEvents(DataSource database, String status, String detailLike) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM notify_event WHERE status = ?"
            + (detailLike == null ? "" : " AND detail LIKE ?"))) {
      select.setString(1, status);
      if (detailLike != null) {
        select.setString(2, detailLike);
      }
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}

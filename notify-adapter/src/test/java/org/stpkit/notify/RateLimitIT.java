package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * Two dispatchers on one PostgreSQL with a backlog twice the limit: together they send the limit's
 * worth at once and then nothing more until the minute is up. (The full 60-second-window figures
 * under a 3,000 limit are measured by benchmarks/notify-load.sh.)
 */
class RateLimitIT {
  @Test
  void allDispatchersTogetherKeepToTheLimit() throws Exception {
    int limit = 300;
    SimulatedTemplate template = new SimulatedTemplate(FaultIT.TEMPLATE_ID, TemplateType.EMAIL, "Decision",
        Optional.of("Decision on ((reference))"), "Your case ((reference)) has a decision.", 1);
    try (PostgresDatabase database = PostgresDatabase.create("notify_rate");
        NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template)).withRateLimitPerMinute(100_000))) {
      MilestoneMessenger writer = MilestoneMessenger.builder().catalogue(FaultIT.catalogue())
          .dataSource(database.dataSource()).dispatch(false).build();
      queue(writer, database.dataSource(), 2 * limit);
      MilestoneMessenger a = node(database.dataSource(), notify, "node-a", limit);
      MilestoneMessenger b = node(database.dataSource(), notify, "node-b", limit);
      try {
        Thread.sleep(15_000);
      } finally {
        a.close();
        b.close();
      }
      List<SimulatedNotification> sent = notify.notifications();
      Instant first = sent.stream().map(SimulatedNotification::createdAt).min(Comparator.naturalOrder()).orElseThrow();
      long inFirstMinute = sent.stream().filter(n -> n.createdAt().isBefore(first.plus(Duration.ofSeconds(60)))).count();

      assertThat(inFirstMinute).as("sends in the first 60 s").isEqualTo(limit);
      assertThat(writer.stats().backlog()).isEqualTo(limit);
    }
  }

  static void queue(MilestoneMessenger writer, DataSource database, int messages) throws Exception {
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
        .catalogue(FaultIT.catalogue())
        .dataSource(database)
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .nodeName(name)
        .heartbeat(Duration.ofSeconds(1))
        .rateLimitPerMinute(limit)
        .statusPollAfter(Duration.ofHours(1))
        .build();
  }
}

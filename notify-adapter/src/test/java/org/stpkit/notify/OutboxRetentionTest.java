package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The outbox keeps finished messages only as long as it is told to: they hold personal data. */
class OutboxRetentionTest {
  private final JdbcDataSource h2 = new JdbcDataSource();

  OutboxRetentionTest() {
    h2.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Test
  void purgeDeletesFinishedMessagesOlderThanThePeriodWithTheirTimelinesAndKeepsTheRest() throws Exception {
    MilestoneMessenger messenger = MilestoneMessenger.builder().catalogue(MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, UUID.randomUUID().toString())
            .recipient(Channel.EMAIL, "email"))).build()).dataSource(h2).build();
    for (String caseRef : new String[] {"OLD-DELIVERED", "OLD-FAILED", "OLD-QUEUED", "NEW-DELIVERED"}) {
      messenger.reached(caseRef, "DECISION_MADE", CaseData.of(Map.of("email", "jo@example.com")));
    }
    Instant longAgo = Instant.now().minus(Duration.ofDays(100));
    set("OLD-DELIVERED", "DELIVERED", longAgo);
    set("OLD-FAILED", "FAILED", longAgo);
    set("OLD-QUEUED", "QUEUED", longAgo);
    set("NEW-DELIVERED", "DELIVERED", Instant.now().minus(Duration.ofDays(1)));

    int deleted = NotifyOperations.on(h2).purge(Duration.ofDays(90));

    assertThat(deleted).isEqualTo(2);
    assertThat(messenger.timeline("OLD-DELIVERED")).isEmpty();
    assertThat(messenger.timeline("OLD-FAILED")).isEmpty();
    assertThat(messenger.timeline("OLD-QUEUED")).singleElement()
        .satisfies(entry -> assertThat(entry.status()).as("a message still to send is never purged").isEqualTo(OutboxStatus.QUEUED));
    assertThat(messenger.timeline("NEW-DELIVERED")).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM notify_event")).as("the events of purged messages go with them").isEqualTo(2);
  }

  private void set(String caseRef, String status, Instant at) throws Exception {
    try (Connection connection = h2.getConnection();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE notify_outbox SET status = ?, updated_at = ? WHERE case_ref = ?")) {
      update.setString(1, status);
      update.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      update.setString(3, caseRef);
      update.executeUpdate();
    }
  }

  private long count(String sql) throws Exception {
    try (Connection connection = h2.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }
}

package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * H2's own data source opens a new connection every time, and H2 closes a database when its last
 * connection closes: without the messenger holding one, an in-memory outbox would be gone, tables
 * and all, between the migration and the first message.
 */
class BareH2DataSourceTest {
  @Test
  void anH2DatabaseGivenThroughABareDataSourceStaysOpenUntilTheMessengerCloses() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:notify-bare-" + UUID.randomUUID());
    CaseData data = CaseData.of(Map.of("applicant", Map.of("firstName", "Jo", "email", "jo@example.com",
        "wantsTexts", false)));

    try (MilestoneMessenger messenger = MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/milestones.yaml")))
        .dataSource(h2)
        .build()) {
      assertThat(messenger.reached("HO-1", "DECISION_MADE", data).queued()).hasSize(1);
      assertThat(messenger.reached("HO-1", "DECISION_MADE", data).alreadyQueued()).containsExactly("applicant-decision");
      assertThat(messenger.timeline("HO-1")).hasSize(1);
    }

    // Closed: the messenger let go of the database, so this connection finds a new, empty one.
    try (Connection connection = h2.getConnection()) {
      assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT COUNT(*) FROM notify_outbox"))
          .isInstanceOf(SQLException.class).hasMessageContaining("NOTIFY_OUTBOX");
    }
  }
}

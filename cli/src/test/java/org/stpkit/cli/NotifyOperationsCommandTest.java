package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.Channel;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/** {@code stp notify failed} and {@code stp notify redrive} on a real outbox (H2 file) after a real failure. */
class NotifyOperationsCommandTest {
  @Test
  void listsFailedMessagesAndQueuesThemAgain(@TempDir Path folder) throws SQLException {
    SimulatedTemplate needsMore = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL, "Decision",
        Optional.of("Decision"), "Dear ((name)), ((forgotten))", 1);
    String url = "jdbc:h2:file:" + folder.resolve("outbox").toAbsolutePath();
    // The service's side keeps the file open while it runs, as a pool would, and shuts it down at
    // the end, so the commands below open it afresh as a separate process would. (H2 closing a file
    // whenever its last connection closes, and reopening it, has lost tables under concurrent use.)
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url + ";DB_CLOSE_DELAY=-1");
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(needsMore)))) {
      MilestoneMessenger messenger = MilestoneMessenger.builder()
          .catalogue(MilestoneCatalogue.builder().milestone("DECISION_MADE", m -> m.message("decision", msg -> msg
              .channels(Channel.EMAIL).template(Channel.EMAIL, needsMore.id()).recipient(Channel.EMAIL, "email")
              .personalise("name", "name"))).build())
          .dataSource(h2)
          .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
          .checkTemplatesAtStartup(false)
          .dispatchInBackground(false)
          .build();
      messenger.reached("HO-9", "DECISION_MADE", CaseData.of(Map.of("name", "Jo", "email", "jo@example.com")));
      messenger.dispatchNow();
      messenger.close();
    }
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }

    StpRunner.Result failed = StpRunner.stp("", "notify", "failed", "--db", url);
    assertThat(failed.exitCode()).isZero();
    assertThat(failed.out()).contains("HO-9/DECISION_MADE", "email", "BadRequestError: Missing personalisation: forgotten",
        "1 failed; queued 0");

    StpRunner.Result redrive = StpRunner.stp("", "notify", "redrive", "--db", url, "--all");
    assertThat(redrive.exitCode()).isZero();
    assertThat(redrive.out()).contains("1 of 1 queued again");
    assertThat(StpRunner.stp("", "notify", "failed", "--db", url).out()).contains("0 failed; queued 1");

    assertThat(StpRunner.stp("", "notify", "redrive", "--db", url).exitCode()).isEqualTo(2);

    StpRunner.Result badPeriod = StpRunner.stp("", "notify", "purge", "--db", url, "--older-than", "90 days");
    assertThat(badPeriod.exitCode()).isEqualTo(2);
    assertThat(badPeriod.err()).contains("--older-than: '90 days' is not a period such as P90D");
    // The re-driven message is queued, not finished: a purge leaves it.
    StpRunner.Result purge = StpRunner.stp("", "notify", "purge", "--db", url, "--older-than", "PT0.001S");
    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out()).startsWith("0 deleted");
  }
}

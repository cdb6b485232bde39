package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.spi.Submission;
import org.stpkit.formsoutbox.FormsDatabase;
import org.stpkit.formsoutbox.FormsOutbox;
import org.stpkit.formsoutbox.spi.DeliveryOutcome;

/** {@code stp forms failed} and {@code stp forms redrive} on a real outbox (an H2 file) after a real refusal. */
class FormsOutboxCommandsTest {
  @Test
  void listsFailedDeliveriesAndQueuesThemAgain(@TempDir Path folder) {
    String url = "jdbc:h2:file:" + folder.resolve("forms").toAbsolutePath();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    try (FormsOutbox outbox = FormsOutbox.builder(FormsDatabase.on(h2))
        .form("every-question-type", form -> form.output("case-system",
            delivery -> DeliveryOutcome.refused("HTTP 400 from https://cases.example/submissions: unknown form")))
        .deliverInBackground(false).build()) {
      outbox.forForm(FormDefinitions.load(Path.of("../forms-engine/samples/every-question-type.yaml")))
          .record("journey", new Submission("every-question-type", 1, "FL-2345-6789", Map.of("age", BigDecimal.TEN),
              List.of("/age"), Instant.parse("2026-12-06T10:00:00Z"), Optional.empty()));
      outbox.deliverNow();
    }

    StpRunner.Result failed = StpRunner.stp("", "forms", "failed", "--db", url);
    assertThat(failed.exitCode()).isZero();
    assertThat(failed.out()).contains("every-question-type/FL-2345-6789  case-system  after 1 attempt  refused: HTTP 400"
        + " from https://cases.example/submissions: unknown form", "1 failed; queued 0, delivering 0, retrying 0, delivered 0");

    StpRunner.Result redrive = StpRunner.stp("", "forms", "redrive", "--db", url, "--all");
    assertThat(redrive.exitCode()).isZero();
    assertThat(redrive.out()).contains("1 of 1 queued again");
    assertThat(StpRunner.stp("", "forms", "failed", "--db", url).out()).contains("0 failed; queued 1");

    assertThat(StpRunner.stp("", "forms", "redrive", "--db", url).exitCode()).isEqualTo(2);
    StpRunner.Result unknown = StpRunner.stp("", "forms", "redrive", "--db", url, "no-such-delivery");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out()).contains("0 of 1 queued again");
  }

  @Test
  void aDatabaseThatIsNoFormsDatabaseIsNamedNotAStackTrace(@TempDir Path folder) {
    StpRunner.Result failed = StpRunner.stp("", "forms", "failed", "--db",
        "jdbc:h2:file:" + folder.resolve("empty").toAbsolutePath());
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.err()).startsWith("stp forms failed: Cannot list the failed deliveries in the forms database: ")
        .doesNotContain("\tat ");
  }
}

package org.stpkit.formsoutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionOutbox;
import org.stpkit.formsoutbox.spi.Delivery;
import org.stpkit.formsoutbox.spi.DeliveryOutcome;
import org.stpkit.formsoutbox.spi.SubmissionOutput;
import org.stpkit.testsupport.MovableClock;

/**
 * Recording and delivering on the embedded database (H2, in memory), delivering on the test's thread
 * with a clock the test moves on: once per journey, retries with backoff, the dead letter and its
 * redrive, outputs whose writes commit with the delivery, retention.
 */
class FormsOutboxTest {
  private static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-12-06T10:00:00Z"));
  private final FormsDatabase database = FormsDatabase.inMemory();

  private FormsOutbox outbox(SubmissionOutput... outputs) {
    return FormsOutbox.builder(database)
        .form("fishing-licence", form -> {
          for (int i = 0; i < outputs.length; i++) {
            form.output("output-" + (i + 1), outputs[i]);
          }
        })
        .deliverInBackground(false)
        .maxAttempts(3)
        .clock(clock)
        .build();
  }

  @Test
  void recordsAJourneyOnceAndAnswersEveryAttemptWithTheFirstReference() throws Exception {
    Scripted output = new Scripted();
    try (FormsOutbox outbox = outbox(output)) {
      SubmissionOutbox forForm = outbox.forForm(FORM);
      Submission first = Submissions.of("Jo");
      assertThat(forForm.record("journey-1", first)).isEqualTo(first.reference());
      assertThat(forForm.record("journey-1", Submissions.of("Jo again"))).isEqualTo(first.reference());
      assertThat(forForm.record("journey-2", Submissions.of("Sam"))).isNotEqualTo(first.reference());

      assertThat(count("SELECT COUNT(*) FROM forms_submission")).isEqualTo(2);
      assertThat(count("SELECT COUNT(*) FROM forms_delivery")).isEqualTo(2);
      assertThat(payloadOf(first.reference())).contains("\"reference\":\"" + first.reference() + "\"", "\"name\":\"Jo\"",
          "\"route\":[\"/name\",\"/age\",\"/river\"]");
    }
  }

  @Test
  void manyAttemptsAtOneJourneyAtOnceRecordOne() throws Exception {
    try (FormsOutbox outbox = outbox(new Scripted())) {
      SubmissionOutbox forForm = outbox.forForm(FORM);
      ExecutorService clicks = Executors.newFixedThreadPool(8);
      List<Future<String>> references = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Submission attempt = Submissions.of("Jo");
        references.add(clicks.submit(() -> forForm.record("double-click", attempt)));
      }
      List<String> answered = new ArrayList<>();
      for (Future<String> reference : references) {
        answered.add(reference.get());
      }
      clicks.shutdown();
      assertThat(answered).containsOnly(answered.get(0));
      assertThat(count("SELECT COUNT(*) FROM forms_submission")).isEqualTo(1);
    }
  }

  @Test
  void deliversToEveryOutputWithAKeyThatStaysTheSameAcrossRetries() {
    Scripted flaky = new Scripted(DeliveryOutcome.retryLater("HTTP 503"), DeliveryOutcome.delivered());
    Scripted steady = new Scripted();
    try (FormsOutbox outbox = outbox(flaky, steady)) {
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      outbox.deliverNow();
      assertThat(flaky.calls).hasSize(1);
      assertThat(steady.calls).hasSize(1);
      assertThat(outbox.operations().counts().count(DeliveryStatus.RETRYING)).isEqualTo(1);

      outbox.deliverNow();
      assertThat(flaky.calls).as("not due until its backoff has passed").hasSize(1);
      clock.advance(Duration.ofMinutes(1));
      outbox.deliverNow();

      assertThat(flaky.calls).hasSize(2);
      assertThat(flaky.calls.get(1).attempt()).isEqualTo(2);
      assertThat(flaky.calls.get(1).key()).isEqualTo(flaky.calls.get(0).key()).isNotEqualTo(steady.calls.get(0).key());
      assertThat(flaky.calls.get(0).reference()).isEqualTo(submission.reference());
      assertThat(outbox.operations().counts().count(DeliveryStatus.DELIVERED)).isEqualTo(2);
    }
  }

  @Test
  void aRefusalIsADeadLetterAtOnceAndARedriveDeliversIt() {
    Scripted receiver = new Scripted(DeliveryOutcome.refused("HTTP 400 from https://cases.example: no such form"),
        DeliveryOutcome.delivered());
    try (FormsOutbox outbox = outbox(receiver)) {
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      outbox.deliverNow();
      clock.advance(Duration.ofHours(2));
      outbox.deliverNow();

      assertThat(receiver.calls).hasSize(1);
      List<FailedDelivery> failed = outbox.operations().failed();
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).reference()).isEqualTo(submission.reference());
      assertThat(failed.get(0).output()).isEqualTo("output-1");
      assertThat(failed.get(0).reason()).isEqualTo("refused: HTTP 400 from https://cases.example: no such form");
      assertThat(failed.get(0).id()).isEqualTo(receiver.calls.get(0).key());

      assertThat(outbox.operations().redrive(List.of(failed.get(0).id(), "not-a-delivery"))).isEqualTo(1);
      outbox.deliverNow();
      assertThat(receiver.calls).hasSize(2);
      assertThat(receiver.calls.get(1).attempt()).isEqualTo(1);
      assertThat(receiver.calls.get(1).key()).isEqualTo(receiver.calls.get(0).key());
      assertThat(outbox.operations().failed()).isEmpty();
      assertThat(outbox.operations().counts().count(DeliveryStatus.DELIVERED)).isEqualTo(1);
    }
  }

  @Test
  void givesUpAfterTheLastAttemptWithItsReason() {
    Scripted down = new Scripted(out -> {
      throw new IllegalStateException("Connection refused");
    });
    try (FormsOutbox outbox = outbox(down)) {
      outbox.forForm(FORM).record("journey", Submissions.of("Jo"));
      for (int i = 0; i < 5; i++) {
        outbox.deliverNow();
        clock.advance(Duration.ofHours(2));
      }
      assertThat(down.calls).hasSize(3);
      assertThat(outbox.operations().failed()).singleElement().satisfies(failed -> {
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.reason()).isEqualTo(
            "gave up after 3 attempts; last: the output failed: java.lang.IllegalStateException: Connection refused");
      });
    }
  }

  @Test
  void theTableOutputWritesEachSubmissionOnceWithTheDelivery() throws Exception {
    Scripted after = new Scripted(DeliveryOutcome.retryLater("HTTP 503"), DeliveryOutcome.delivered());
    try (FormsOutbox outbox = outbox(SubmissionTable.inFormsDatabase(), after)) {
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      outbox.deliverNow();
      clock.advance(Duration.ofMinutes(1));
      outbox.deliverNow();

      assertThat(count("SELECT COUNT(*) FROM forms_received_submission")).isEqualTo(1);
      assertThat(payloadIn("forms_received_submission", submission.reference())).contains("\"name\":\"Jo\"");
    }
  }

  @Test
  void anOutputsWritesAreUndoneWhenItsAttemptIsNotDelivered() throws Exception {
    Scripted writesThenFails = new Scripted(delivery -> {
      try (PreparedStatement insert = delivery.transaction().prepareStatement("INSERT INTO forms_received_submission"
          + " (reference, form_id, form_version, submitted_at, received_at, payload) VALUES (?, 'f', 1, ?, ?, '{}')")) {
        insert.setString(1, delivery.submission().reference() + "-" + delivery.attempt());
        insert.setObject(2, java.time.LocalDateTime.now());
        insert.setObject(3, java.time.LocalDateTime.now());
        insert.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return delivery.attempt() == 1 ? DeliveryOutcome.retryLater("not yet") : DeliveryOutcome.delivered();
    });
    try (FormsOutbox outbox = outbox(writesThenFails)) {
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      outbox.deliverNow();
      clock.advance(Duration.ofMinutes(1));
      outbox.deliverNow();

      assertThat(count("SELECT COUNT(*) FROM forms_received_submission WHERE reference = '" + submission.reference()
          + "-1'")).isZero();
      assertThat(count("SELECT COUNT(*) FROM forms_received_submission WHERE reference = '" + submission.reference()
          + "-2'")).isEqualTo(1);
    }
  }

  @Test
  void forgetsDeliveredSubmissionsAfterTheirRetentionButKeepsUndeliveredOnes() throws Exception {
    Scripted output = new Scripted(DeliveryOutcome.delivered(), DeliveryOutcome.refused("no"));
    try (FormsOutbox outbox = FormsOutbox.builder(database).form("fishing-licence", form -> form.output("one", output))
        .deliverInBackground(false).retainDelivered(Duration.ofDays(7)).clock(clock).build()) {
      outbox.forForm(FORM).record("delivered", Submissions.of("Jo"));
      outbox.forForm(FORM).record("failed", Submissions.of("Sam"));
      outbox.deliverNow();
      clock.advance(Duration.ofDays(6));
      outbox.deliverNow();
      assertThat(count("SELECT COUNT(*) FROM forms_submission")).isEqualTo(2);

      clock.advance(Duration.ofDays(2));
      outbox.deliverNow();
      assertThat(count("SELECT COUNT(*) FROM forms_submission")).isEqualTo(1);
      assertThat(outbox.operations().failed()).hasSize(1);
    }
  }

  @Test
  void saysWhatIsWrongWithItsConfiguration() {
    assertThatThrownBy(() -> FormsOutbox.builder(database).form("fishing-licence", form -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Form 'fishing-licence' needs at least one output");
    assertThatThrownBy(() -> FormsOutbox.builder(database).form("fishing-licence", form -> form
        .output("Case System", new Scripted()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Case System' of form 'fishing-licence'");
    try (FormsOutbox outbox = FormsOutbox.builder(database).form("another-form", form -> form.output("a", new Scripted()))
        .deliverInBackground(false).build()) {
      assertThatThrownBy(() -> outbox.forForm(FORM)).isInstanceOf(FormsOutboxException.class)
          .hasMessage("The outbox has no outputs for form 'fishing-licence'; it has outputs for another-form");
    }
    assertThatThrownBy(() -> SubmissionTable.named("x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private String payloadOf(String reference) throws SQLException {
    return payloadIn("forms_submission", reference);
  }

  private String payloadIn(String table, String reference) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT payload FROM " + table + " WHERE reference = ?")) {
      select.setString(1, reference);
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? result.getString(1) : "";
      }
    }
  }

  /** One call an output had. */
  record Call(String key, int attempt, String reference) {}

  /** An output answering with the outcomes it was given, in turn (delivered once they run out). */
  static final class Scripted implements SubmissionOutput {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<DeliveryOutcome> outcomes;
    private final Function<Delivery, DeliveryOutcome> behaviour;

    Scripted(DeliveryOutcome... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
      this.behaviour = delivery -> this.outcomes.isEmpty() ? DeliveryOutcome.delivered() : this.outcomes.poll();
    }

    Scripted(Function<Delivery, DeliveryOutcome> behaviour) {
      this.outcomes = new ArrayDeque<>();
      this.behaviour = behaviour;
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
      calls.add(new Call(delivery.idempotencyKey(), delivery.attempt(), delivery.submission().reference()));
      return behaviour.apply(delivery);
    }
  }
}

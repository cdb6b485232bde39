package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionOutbox;

/**
 * The submit step's hook for an outbox: on "Accept and send" the engine asks the outbox to record
 * the journey and shows the reference it answers with. The outbox here is a map standing in for a
 * database's unique key on the journey; forms-outbox proves the same on PostgreSQL.
 */
class SubmissionOutboxTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));

  private final SwitchableAnswerStore store = new SwitchableAnswerStore(new InMemoryAnswerStore(Clock.systemUTC()));
  private final MapOutbox outbox = new MapOutbox();
  private final FormEngine engine = FormEngine.builder(SAMPLE).answerStore(store).submissionHandler(outbox).build();
  private final JourneyDriver browser = new JourneyDriver(engine, "");

  @Test
  void recordsTheJourneyOnceUnderAKeyThatIsNotTheSessionAndShowsItsReference() {
    new SampleJourney(browser, "").answerEveryPage();
    JourneyDriver.Shown confirmation = browser.post("/check-answers");

    assertThat(confirmation.path()).isEqualTo("/confirmation");
    assertThat(outbox.recorded).hasSize(1);
    Submission submission = outbox.recorded.get(0);
    assertThat(confirmation.html().select(".govuk-panel__body strong").text()).isEqualTo(submission.reference());
    assertThat(outbox.byJourney).hasSize(1);
    String journeyKey = outbox.byJourney.keySet().iterator().next();
    assertThat(journeyKey).isNotEqualTo(browser.sessionId().orElseThrow()).hasSize(43);
    assertThat(submission.route()).containsExactly("/full-name", "/date-of-birth", "/age", "/contact", "/address",
        "/country", "/postcode", "/ni-number", "/has-licence", "/help", "/help-details", "/fee", "/licence-name");
  }

  @Test
  void aDoubleClickAndABackButtonResubmitShowTheReferenceRecordedFirst() {
    new SampleJourney(browser, "").answerEveryPage();
    JourneyDriver.Shown first = browser.post("/check-answers");
    JourneyDriver.Shown second = browser.post("/check-answers");
    JourneyDriver.Shown backToAPage = browser.get("/age");

    assertThat(second.path()).isEqualTo("/confirmation");
    assertThat(backToAPage.path()).isEqualTo("/confirmation");
    assertThat(outbox.byJourney).hasSize(1);
    assertThat(second.html().select(".govuk-panel__body strong").text())
        .isEqualTo(first.html().select(".govuk-panel__body strong").text())
        .isEqualTo(outbox.byJourney.values().iterator().next());
  }

  @Test
  void aJourneyRecordedWhoseSessionNeverHeardSoIsAnsweredWithTheFirstReference() {
    new SampleJourney(browser, "").answerEveryPage();
    // Recorded, then the answer store goes down before the session can remember the reference.
    outbox.afterRecording = () -> store.down.set(true);
    JourneyDriver.Shown lost = browser.post("/check-answers");
    assertThat(lost.status()).isEqualTo(503);

    outbox.afterRecording = () -> { };
    store.down.set(false);
    JourneyDriver.Shown again = browser.post("/check-answers");
    assertThat(again.path()).isEqualTo("/confirmation");
    assertThat(outbox.recorded).hasSize(1);
    assertThat(again.html().select(".govuk-panel__body strong").text()).isEqualTo(outbox.recorded.get(0).reference());
  }

  @Test
  void anOutboxThatCannotRecordLetsTheUserTryAgainWithNothingLost() {
    new SampleJourney(browser, "").answerEveryPage();
    outbox.failing.set(true);
    JourneyDriver.Shown failed = browser.post("/check-answers");
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.text()).contains("Your application has not been sent. Your answers are saved.")
        .doesNotContain("IllegalStateException", "database");

    outbox.failing.set(false);
    JourneyDriver.Shown retried = browser.post("/check-answers");
    assertThat(retried.path()).isEqualTo("/confirmation");
    assertThat(outbox.byJourney).hasSize(1);
  }

  /** Records the first submission of each journey, as a unique key on the journey would. */
  private static final class MapOutbox implements SubmissionOutbox {
    final Map<String, String> byJourney = new ConcurrentHashMap<>();
    final List<Submission> recorded = new CopyOnWriteArrayList<>();
    final AtomicBoolean failing = new AtomicBoolean();
    volatile Runnable afterRecording = () -> { };

    @Override
    public String record(String journeyKey, Submission submission) {
      if (failing.get()) {
        throw new IllegalStateException("the database is down");
      }
      String reference = byJourney.computeIfAbsent(journeyKey, key -> {
        recorded.add(submission);
        return submission.reference();
      });
      afterRecording.run();
      return reference;
    }
  }
}

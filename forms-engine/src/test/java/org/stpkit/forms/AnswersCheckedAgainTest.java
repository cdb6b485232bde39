package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.MovableClock;

/**
 * Every request checks the answers on the route again, and the engine remembers those checks between
 * requests: what it remembers must never stand in for a check on another day or of another answer.
 */
class AnswersCheckedAgainTest {
  private static final FormDefinition FORM = FormDefinitions.load(
      Path.of("src/test/resources/definitions/start-date.yaml"));
  private static final String MOUNT = "/licence";

  /** Ten minutes to midnight (UTC, the clock's zone) on 22 November. */
  private final MovableClock clock = MovableClock.at(Instant.parse("2026-11-22T23:50:00Z"));
  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormEngine engine = FormEngine.builder(FORM).mountPath(MOUNT).clock(clock)
      .sessionTimeout(Duration.ofMinutes(30)).submissionHandler(submissions::add).build();
  private final JourneyDriver browser = new JourneyDriver(engine, MOUNT);

  @Test
  void aDateThatHadToBeInTheFutureIsAskedAgainOnceItsDayHasCome() {
    browser.get(MOUNT + "/");
    browser.post(MOUNT + "/start", "startDate-day", "23", "startDate-month", "11", "startDate-year", "2026");
    browser.post(MOUNT + "/name", "licenceName", "Jo Bloggs");
    // Checked (and remembered) on several requests on the 22nd: tomorrow is in the future.
    assertThat(browser.get(MOUNT + "/check-answers").path()).isEqualTo("");
    assertThat(browser.get(MOUNT + "/name").path()).isEqualTo("");

    clock.advance(Duration.ofMinutes(20));

    JourneyDriver.Shown afterMidnight = browser.get(MOUNT + "/check-answers");
    assertThat(afterMidnight.path()).isEqualTo(MOUNT + "/start");
    assertThat(browser.get(MOUNT + "/name").path()).isEqualTo(MOUNT + "/start");
    JourneyDriver.Shown sent = browser.post(MOUNT + "/check-answers");
    assertThat(sent.path()).isEqualTo(MOUNT + "/start");
    assertThat(submissions).isEmpty();
  }

  @Test
  void aChangedAnswerIsTheOneShownAndSent() {
    browser.get(MOUNT + "/");
    browser.post(MOUNT + "/start", "startDate-day", "24", "startDate-month", "11", "startDate-year", "2026");
    browser.post(MOUNT + "/name", "licenceName", "Jo Bloggs");
    assertThat(browser.get(MOUNT + "/check-answers").text()).contains("24 November 2026", "Jo Bloggs");

    browser.get(MOUNT + "/start?returnTo=check-answers");
    JourneyDriver.Shown changed = browser.post(MOUNT + "/start",
        "startDate-day", "25", "startDate-month", "11", "startDate-year", "2026", "returnTo", "check-answers");
    assertThat(changed.path()).isEqualTo(MOUNT + "/check-answers");
    assertThat(changed.text()).contains("25 November 2026").doesNotContain("24 November 2026");

    browser.post(MOUNT + "/check-answers");
    assertThat(submissions).singleElement()
        .satisfies(submission -> assertThat(submission.answers()).containsEntry("startDate", LocalDate.of(2026, 11, 25)));
  }

  @Test
  void anotherUsersSameAnswerIsCheckedOnItsOwnDay() {
    // The first user's answer is checked (and remembered) on the 22nd; the second user gives the
    // same answer on the 23rd, when it is no longer in the future.
    browser.get(MOUNT + "/");
    browser.post(MOUNT + "/start", "startDate-day", "23", "startDate-month", "11", "startDate-year", "2026");
    assertThat(browser.get(MOUNT + "/name").path()).isEqualTo("");

    clock.advance(Duration.ofMinutes(20));
    JourneyDriver other = new JourneyDriver(engine, MOUNT);
    other.get(MOUNT + "/");
    JourneyDriver.Shown refused = other.post(MOUNT + "/start",
        "startDate-day", "23", "startDate-month", "11", "startDate-year", "2026");
    assertThat(refused.html().select(".govuk-error-summary__list").text()).contains("must be in the future");
    assertThat(browser.get(MOUNT + "/name").path()).isEqualTo(MOUNT + "/start");
  }
}

package org.stpkit.forms.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.testsupport.MovableClock;

/** Walks remembered by the session's answers and the day: never standing in for other answers or another day. */
class JourneyTest {
  private static final FormDefinition FORM = FormDefinitions.load(
      Path.of("src/test/resources/definitions/start-date.yaml"));

  /** Ten minutes to midnight on 22 November (UTC, the clock's zone). */
  private final MovableClock clock = MovableClock.at(Instant.parse("2026-11-22T23:50:00Z"));
  private final Journey journey = new Journey(FORM, new AnswerParser(new Messages("en", Map.of()), clock));
  private final FormSession started = FormSession.start("s1", "start-date", "csrf", clock.instant())
      .withPageAnswers("/start", Map.of("startDate", Map.of("startDate-day", List.of("23"),
          "startDate-month", List.of("11"), "startDate-year", List.of("2026"))), clock.instant());

  @Test
  void theSameAnswersOnTheSameDayGiveTheWalkAlreadyMade() {
    Journey.State first = journey.walk(started);

    assertThat(journey.walk(started)).isSameAs(first);
    // Keeping the session alive changes nothing the walk reads.
    assertThat(journey.walk(started.touchedAt(clock.instant().plusSeconds(5)))).isSameAs(first);
    assertThat(first.nextToAnswer()).map(Step::path).contains("/name");
  }

  @Test
  void newAnswersAreWalkedAfresh() {
    Journey.State before = journey.walk(started);
    FormSession named = started.withPageAnswers("/name", Map.of("licenceName", Map.of("licenceName", List.of("Jo"))),
        clock.instant());

    Journey.State after = journey.walk(named);

    assertThat(after).isNotSameAs(before);
    assertThat(after.isComplete()).isTrue();
    assertThat(after.answers()).containsEntry("licenceName", "Jo");
  }

  @Test
  void theSameAnswersOnAnotherDayAreCheckedAgain() {
    assertThat(journey.walk(started).onRoute("/start")).isTrue();

    // Midnight passes: 23 November is no longer in the future, so the start page must be answered again.
    clock.advance(Duration.ofMinutes(20));

    Journey.State nextDay = journey.walk(started);
    assertThat(nextDay.onRoute("/start")).isFalse();
    assertThat(nextDay.nextToAnswer()).map(Step::path).contains("/start");
  }

  @Test
  void aRememberedWalkCannotBeChanged() {
    Journey.State state = journey.walk(started);

    assertThatThrownBy(() -> state.answers().put("startDate", "tomorrow")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> state.route().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}

package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.InMemoryAnswerStore;

/**
 * An answer store that cannot be reached (Redis down, a timeout) gets the user a 503 "Sorry, there
 * is a problem with the service" page, never a stack trace, and the journey goes on once it is back.
 * The store here is the in-memory one behind a switch; forms-redis proves the same with a real
 * Redis cut off.
 */
class AnswerStoreOutageTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));

  private final SwitchableAnswerStore store = new SwitchableAnswerStore(new InMemoryAnswerStore(Clock.systemUTC()));
  private final FormEngine engine = FormEngine.builder(SAMPLE).answerStore(store)
      .submissionHandler(submission -> { }).build();
  private final JourneyDriver browser = new JourneyDriver(engine, "");

  @Test
  void aStoreThatCannotBeReachedGivesA503PageAndTheJourneyGoesOnWhenItIsBack() {
    browser.get("/");
    browser.post("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    browser.get("/date-of-birth");

    store.down.set(true);
    JourneyDriver.Shown reading = browser.get("/date-of-birth");
    JourneyDriver.Shown posting = browser.post("/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3",
        "dateOfBirth-year", "1990");
    for (JourneyDriver.Shown page : new JourneyDriver.Shown[] {reading, posting}) {
      assertThat(page.status()).isEqualTo(503);
      assertThat(page.html().select("h1").text()).isEqualTo("Sorry, there is a problem with the service");
      assertThat(page.text()).contains("Try again later.")
          .doesNotContain("Connection refused", "Exception", "redis");
    }

    store.down.set(false);
    JourneyDriver.Shown again = browser.post("/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3",
        "dateOfBirth-year", "1990");
    assertThat(again.path()).isEqualTo("/age");
    assertThat(browser.get("/full-name").html().select("#fullName-given").attr("value")).isEqualTo("Jo");
  }

  @Test
  void aStoreDownForANewVisitorGivesTheSamePage() {
    store.down.set(true);
    JourneyDriver.Shown first = browser.get("/");
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.html().select("h1").text()).isEqualTo("Sorry, there is a problem with the service");
    assertThat(browser.sessionId()).isEmpty();
  }
}

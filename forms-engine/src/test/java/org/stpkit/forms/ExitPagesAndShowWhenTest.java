package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;
import org.stpkit.forms.spi.Submission;

/** Exit pages reached by a condition, and pages asked only when their showWhen holds. */
class ExitPagesAndShowWhenTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/eligibility.yaml"));

  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormEngine engine = FormEngine.builder(SAMPLE).submissionHandler(submissions::add).build();
  private final JourneyDriver browser = new JourneyDriver(engine, "");

  @Test
  void anAnswerThatRulesTheUserOutEndsTheJourneyOnTheExitPage() {
    browser.get("/");
    JourneyDriver.Shown exit = browser.post("/age", "under16", "no");

    assertThat(exit.path()).isEqualTo("/cannot-apply");
    assertThat(exit.html().select("h1").text()).isEqualTo("You cannot apply for a junior fishing licence");
    assertThat(exit.text()).contains("Junior licences are for people under 16.");
    assertThat(exit.html().select("form")).as("nothing to continue with").isEmpty();
    assertThat(exit.html().select(".govuk-back-link").attr("href")).isEqualTo("/age");
    assertThat(browser.get("/name").path()).as("no way past it").isEqualTo("/cannot-apply");
    assertThat(browser.get("/check-answers").path()).isEqualTo("/cannot-apply");
    assertThat(browser.post("/cannot-apply").path()).isEmpty();
    assertThat(submissions).isEmpty();
  }

  @Test
  void changingTheAnswerLeavesTheExitPage() {
    browser.get("/");
    browser.post("/age", "under16", "no");

    JourneyDriver.Shown next = browser.post("/age", "under16", "yes");

    assertThat(next.path()).isEqualTo("/disability");
  }

  @Test
  void aPageWhoseShowWhenDoesNotHoldIsPassedByAndNotListed() {
    browser.get("/");
    browser.post("/age", "under16", "yes");
    JourneyDriver.Shown name = browser.post("/disability", "disabled", "no");

    assertThat(name.path()).isEqualTo("/name");
    assertThat(name.html().select(".govuk-back-link").attr("href")).isEqualTo("/disability");
    assertThat(browser.get("/blue-badge").path()).isEqualTo("/name");
    JourneyDriver.Shown check = browser.post("/name", "fullName-given", "Sam", "fullName-family", "Lee");
    assertThat(check.path()).isEqualTo("/check-answers");
    assertThat(check.text()).doesNotContain("Blue Badge");
  }

  @Test
  void aPageWhoseShowWhenHoldsIsAskedWithItsContent() {
    browser.get("/");
    browser.post("/age", "under16", "yes");
    JourneyDriver.Shown badge = browser.post("/disability", "disabled", "yes");

    assertThat(badge.path()).isEqualTo("/blue-badge");
    assertThat(badge.html().select(".govuk-details__summary-text").text()).isEqualTo("Why we ask");
    browser.post("/blue-badge", "blueBadge", "yes");
    browser.post("/name", "fullName-given", "Sam", "fullName-family", "Lee");
    browser.post("/check-answers");
    assertThat(submissions).singleElement().satisfies(submission ->
        assertThat(submission.answers()).containsEntry("blueBadge", true).containsEntry("disabled", true));
  }

  @Test
  void theCheckerRefusesAnExitPageWithQuestionsOrRoutes() {
    List<Problem> problems = FormDefinitions.check(Path.of("src/test/resources/definitions/bad-exit.yaml"));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        "src/test/resources/definitions/bad-exit.yaml:10:11: pages[1].exit: an exit page has content only, no questions: a journey ends there",
        "src/test/resources/definitions/bad-exit.yaml:17:7: pages[1].next: an exit page leads nowhere: a journey ends there",
        "src/test/resources/definitions/bad-exit.yaml:19:15: pages[2].showWhen: uses the answer to 'later', asked on /later, the same page: whether a page is asked can only depend on earlier pages");
  }
}

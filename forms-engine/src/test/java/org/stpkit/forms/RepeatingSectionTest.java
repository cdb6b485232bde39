package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.Submission;

/** "Add another": the repeating sample's children, each with its pages, listed, changed, removed and sent as a list. */
class RepeatingSectionTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/repeating.yaml"));

  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormEngine engine = FormEngine.builder(SAMPLE).submissionHandler(submissions::add).build();
  private final JourneyDriver browser = new JourneyDriver(engine, "");

  @Test
  void asksEachItemsPagesListsTheItemsAndSendsThemAsAList() {
    browser.get("/");
    JourneyDriver.Shown first = browser.post("/your-name", "parentName-given", "Sam", "parentName-family", "Lee");
    assertThat(first.path()).as("at least one child: straight to the first").isEqualTo("/children/1/name");
    assertThat(first.html().select(".govuk-caption-l").text()).isEqualTo("Child 1");

    JourneyDriver.Shown summary = addChild(1, "Ada", "2015", "Hill Primary");
    assertThat(summary.path()).isEqualTo("/children");
    assertThat(summary.html().select("h1").text()).isEqualTo("Your children");
    assertThat(summary.html().select(".govuk-summary-list__key").eachText()).containsExactly("Child 1");
    assertThat(summary.html().select(".govuk-summary-list__value").text()).isEqualTo("Ada Lee");
    assertThat(summary.html().select(".govuk-summary-list__actions a").eachAttr("href"))
        .containsExactly("/children/1/name", "/children/1/remove");
    assertThat(summary.html().select("legend").text()).isEqualTo("Do you need to add another child?");

    JourneyDriver.Shown unanswered = browser.post("/children");
    assertThat(unanswered.html().select(".govuk-error-summary__list").text())
        .isEqualTo("Select yes if you need to add another child");

    assertThat(browser.post("/children", "addAnother", "yes").path()).isEqualTo("/children/2/name");
    JourneyDriver.Shown second = addChild(2, "Bo", "2023", null);
    assertThat(second.path()).as("no school page for a child born in 2023").isEqualTo("/children");
    browser.post("/children", "addAnother", "yes");
    addChild(3, "Cy", "2012", "Vale High");

    JourneyDriver.Shown large = browser.post("/children", "addAnother", "no");
    assertThat(large.path()).as("three children: the condition on the number of items").isEqualTo("/large-family");
    JourneyDriver.Shown transport = browser.post("/large-family", "largeFamilyHelp", "no");
    assertThat(transport.path()).as("a child goes to school: the condition on answers in the items")
        .isEqualTo("/school-transport");
    JourneyDriver.Shown check = browser.post("/school-transport", "schoolTransport", "yes");

    assertThat(check.path()).isEqualTo("/check-answers");
    assertThat(check.html().select(".govuk-summary-card__title").eachText()).containsExactly("Child 1", "Child 2", "Child 3");
    assertThat(check.html().select(".govuk-summary-card").get(1).text()).contains("Bo Lee").doesNotContain("school");
    assertThat(check.html().select(".govuk-summary-card").get(2).select("a").first().attr("href"))
        .isEqualTo("/children/3/name?returnTo=check-answers");
    browser.post("/check-answers");
    assertThat(submissions).singleElement().satisfies(submission -> {
      assertThat(submission.answers().get("children")).isEqualTo(List.of(
          Map.of("childName", new PersonName("Ada", "Lee"), "childDateOfBirth", LocalDate.of(2015, 5, 1), "school", "Hill Primary"),
          Map.of("childName", new PersonName("Bo", "Lee"), "childDateOfBirth", LocalDate.of(2023, 5, 1)),
          Map.of("childName", new PersonName("Cy", "Lee"), "childDateOfBirth", LocalDate.of(2012, 5, 1), "school", "Vale High")));
      assertThat(submission.answers()).containsEntry("schoolTransport", true);
    });
  }

  @Test
  void checksEachItemsAnswersOnItsOwnPage() {
    browser.get("/");
    browser.post("/your-name", "parentName-given", "Sam", "parentName-family", "Lee");
    browser.post("/children/1/name", "childName-given", "Ada", "childName-family", "Lee");

    JourneyDriver.Shown future = browser.post("/children/1/date-of-birth",
        "childDateOfBirth-day", "1", "childDateOfBirth-month", "1", "childDateOfBirth-year", "2099");

    assertThat(future.html().select(".govuk-error-summary__list").text())
        .isEqualTo("The child’s date of birth must be in the past");
    assertThat(future.html().select(".govuk-caption-l").text()).isEqualTo("Child 1");
  }

  @Test
  void removingAnItemAsksFirstThenRenumbersTheRest() {
    browser.get("/");
    browser.post("/your-name", "parentName-given", "Sam", "parentName-family", "Lee");
    addChild(1, "Ada", "2015", "Hill Primary");
    browser.post("/children", "addAnother", "yes");
    addChild(2, "Bo", "2023", null);
    browser.post("/children", "addAnother", "yes");
    addChild(3, "Cy", "2012", "Vale High");

    JourneyDriver.Shown confirm = browser.get("/children/2/remove");
    assertThat(confirm.html().select("legend").text()).isEqualTo("Are you sure you want to remove Child 2?");
    JourneyDriver.Shown unanswered = browser.post("/children/2/remove");
    assertThat(unanswered.html().select(".govuk-error-summary__list").text()).isEqualTo("Select yes if you want to remove Child 2");
    assertThat(browser.post("/children/2/remove", "confirmRemove", "no").html()
        .select(".govuk-summary-list__key").eachText()).hasSize(3);

    JourneyDriver.Shown removed = browser.post("/children/2/remove", "confirmRemove", "yes");

    assertThat(removed.path()).isEqualTo("/children");
    assertThat(removed.html().select(".govuk-summary-list__value").eachText()).containsExactly("Ada Lee", "Cy Lee");
    assertThat(browser.get("/children/2/school").html().select("#school").val()).isEqualTo("Vale High");
    JourneyDriver.Shown next = browser.post("/children", "addAnother", "no");
    assertThat(next.path()).as("two children now: no large-family page").isEqualTo("/school-transport");
  }

  @Test
  void stopsOfferingAnotherAtTheMost() {
    browser.get("/");
    browser.post("/your-name", "parentName-given", "Sam", "parentName-family", "Lee");
    for (int child = 1; child <= 4; child++) {
      if (child > 1) {
        browser.post("/children", "addAnother", "yes");
      }
      addChild(child, "Kid" + child, "2023", null);
    }

    JourneyDriver.Shown full = browser.get("/children");

    assertThat(full.html().select("input[name=addAnother]")).isEmpty();
    assertThat(full.text()).contains("You cannot add another child.");
    assertThat(browser.post("/children").path()).isEqualTo("/large-family");
  }

  @Test
  void theCheckerReportsARepeatingSectionsProblems() {
    assertThat(FormDefinitions.check(Path.of("src/test/resources/definitions/bad-repeat.yaml")))
        .extracting(org.stpkit.definition.Problem::toString).containsExactly(
            "src/test/resources/definitions/bad-repeat.yaml:7:7: pages[0].questions: the page of a repeating section lists "
                + "its items; ask questions on its item pages",
            "src/test/resources/definitions/bad-repeat.yaml:11:12: pages[0].repeat.min: min is more than max",
            "src/test/resources/definitions/bad-repeat.yaml:18:13: pages[0].repeat.pages[0].next: the pages of a repeating "
                + "section follow one another: no next here; use showWhen to skip one");
    assertThat(FormDefinitions.check(Path.of("samples/repeating.yaml"))).isEmpty();
  }

  /** Answers one child's pages; the school is left out for a child too young to be asked. */
  private JourneyDriver.Shown addChild(int index, String given, String year, String school) {
    browser.post("/children/" + index + "/name", "childName-given", given, "childName-family", "Lee");
    JourneyDriver.Shown after = browser.post("/children/" + index + "/date-of-birth",
        "childDateOfBirth-day", "1", "childDateOfBirth-month", "5", "childDateOfBirth-year", year);
    return school == null ? after : browser.post("/children/" + index + "/school", "school", school);
  }
}

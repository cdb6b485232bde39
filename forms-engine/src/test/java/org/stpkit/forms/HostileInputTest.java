package org.stpkit.forms;

import org.stpkit.forms.spi.Submission;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stpkit.templates.GovukTemplates;

/**
 * Every question type, fed hostile strings in every field: what comes back is escaped, and what was
 * typed is shown again whole (nothing lost, nothing executed). Free-text answers that are valid go
 * through to check your answers and the submission unchanged.
 */
class HostileInputTest {
  private static final List<String> HOSTILE = List.of(
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "' onmouseover='alert(1)",
      "&amp; &lt; \\ ’ café 漢字 🎣",
      "{{7*7}} ${7*7} <#assign x=1>");

  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormDefinition form = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));
  // Params checked as they are drawn, which the engine's own templates skip in service.
  private final FormEngine engine = FormEngine.builder(form).templates(GovukTemplates.create())
      .submissionHandler(submissions::add).build();

  @Test
  void everyFieldOfEveryQuestionTypeEscapesHostileInputAndKeepsIt() {
    List<String> typesFuzzed = new ArrayList<>();
    for (String hostile : HOSTILE) {
      JourneyDriver browser = new JourneyDriver(engine, "");
      browser.get("/");
      for (Page page : form.pages()) {
        if (!page.path().equals("/help-details") || hostile.equals(HOSTILE.get(0))) {
          fuzzPage(browser, page, hostile, typesFuzzed);
        }
        continueFrom(browser, page, hostile);
      }
      JourneyDriver.Shown checkAnswers = browser.get("/check-answers");
      assertEscaped(checkAnswers, hostile);
      assertThat(checkAnswers.html().select(".govuk-summary-list__value").eachText()).contains(hostile.strip());
      browser.post("/check-answers");
    }
    assertThat(typesFuzzed).containsAll(form.questions().stream().map(q -> q.type().definitionName()).toList());
    assertThat(submissions).hasSize(HOSTILE.size());
    for (int i = 0; i < HOSTILE.size(); i++) {
      assertThat(submissions.get(i).answers().get("licenceName")).isEqualTo(HOSTILE.get(i).strip());
    }
  }

  private void fuzzPage(JourneyDriver browser, Page page, String hostile, List<String> typesFuzzed) {
    browser.get(page.path());
    List<String> fields = new ArrayList<>();
    for (Question question : page.questions()) {
      typesFuzzed.add(question.type().definitionName());
      for (String field : fieldNames(question)) {
        fields.add(field);
        fields.add(hostile);
      }
    }
    JourneyDriver.Shown shown = browser.post(page.path(), fields.toArray(String[]::new));
    assertEscaped(shown, hostile);
    for (Element input : shown.html().select("input[type=text], input[type=email], input[type=tel], textarea")) {
      String shownBack = input.tagName().equals("textarea") ? input.wholeText().replaceFirst("^\n", "") : input.val();
      assertThat(shownBack).as(page.path() + " " + input.attr("name")).isIn(hostile, "");
    }
  }

  private static List<String> fieldNames(Question question) {
    String name = question.name();
    switch (question.type()) {
      case DATE: return List.of(name + "-day", name + "-month", name + "-year");
      case ADDRESS: return List.of(name + "-line1", name + "-line2", name + "-town", name + "-county", name + "-postcode");
      case NAME: return List.of(name + "-given", name + "-family");
      default: return List.of(name);
    }
  }

  private static void assertEscaped(JourneyDriver.Shown shown, String hostile) {
    assertThat(shown.status()).isLessThan(500);
    String html = shown.html().outerHtml();
    // Only govuk-frontend's script and the engine's own (timeout warning, autocomplete): nothing a user typed.
    assertThat(shown.html().select("script").eachAttr("src")).allSatisfy(src ->
        assertThat(src.startsWith("/assets/") || src.matches("(/[a-z-]+)*/_forms/[a-z.-]+\\.js")).as(src).isTrue());
    assertThat(shown.html().select("img")).isEmpty();
    assertThat(shown.html().select("[onmouseover], [onerror]")).isEmpty();
    assertThat(html).doesNotContain("<script>alert(1)");
  }

  /** Valid answers, with the hostile string wherever free text is allowed. */
  private static void continueFrom(JourneyDriver browser, Page page, String hostile) {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("/full-name", "fullName-given=" + hostile + "|fullName-family=Bloggs");
    answers.put("/date-of-birth", "dateOfBirth-day=1|dateOfBirth-month=2|dateOfBirth-year=1980");
    answers.put("/age", "age=40");
    answers.put("/contact", "email=jo@example.com");
    answers.put("/address", "address-line1=" + hostile + "|address-town=Leeds|address-postcode=LS1 1AA");
    answers.put("/country", "country=wales");
    answers.put("/region", "region=midlands");
    answers.put("/postcode", "postcode=LS1 1AA");
    answers.put("/ni-number", "niNumber=JH123456C");
    answers.put("/has-licence", "hasLicence=no");
    answers.put("/help", "help=access");
    answers.put("/help-details", "helpDetails=" + hostile);
    answers.put("/fee", "donation=");
    answers.put("/licence-name", "licenceName=" + hostile);
    List<String> fields = new ArrayList<>();
    for (String pair : answers.get(page.path()).split("\\|")) {
      int equals = pair.indexOf('=');
      fields.add(pair.substring(0, equals));
      fields.add(pair.substring(equals + 1));
    }
    browser.get(page.path());
    JourneyDriver.Shown next = browser.post(page.path(), fields.toArray(String[]::new));
    assertThat(next.html().select(".govuk-error-summary").text()).as(page.path()).isEmpty();
  }
}

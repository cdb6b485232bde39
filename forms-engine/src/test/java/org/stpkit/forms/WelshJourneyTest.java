package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.Submission;

/** The bilingual sample: the language navigation, every word in Welsh, and the choice kept in the session. */
class WelshJourneyTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/welsh.yaml"));

  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormEngine engine = FormEngine.builder(SAMPLE).mountPath("/permit").submissionHandler(submissions::add)
      .build();
  private final JourneyDriver browser = new JourneyDriver(engine, "/permit");

  @Test
  void startsInEnglishWithALanguageNavigationWhoseLinksAreInTheirOwnLanguage() {
    JourneyDriver.Shown first = browser.get("/permit/");

    assertThat(first.html().select("html").attr("lang")).isEqualTo("en");
    assertThat(first.title()).isEqualTo("What is your name? - Apply for a fishing permit - GOV.UK");
    Element welsh = first.html().select(".govuk-language-navigation a[hreflang=cy]").first();
    assertThat(welsh).isNotNull();
    assertThat(welsh.text()).contains("Cymraeg");
    assertThat(welsh.select("[lang=cy]").size() + (welsh.attr("lang").equals("cy") ? 1 : 0)).isPositive();
    assertThat(welsh.attr("href")).isEqualTo("/permit/name?lang=cy");
    assertThat(first.html().select(".govuk-language-navigation [aria-current]").text()).contains("English");
  }

  @Test
  void theWelshLinkShowsEveryWordInWelshAndTheChoiceLastsTheWholeJourney() {
    browser.get("/permit/");
    JourneyDriver.Shown name = browser.get("/permit/name?lang=cy");

    assertThat(name.html().select("html").attr("lang")).isEqualTo("cy");
    assertThat(name.title()).isEqualTo("Beth yw eich enw? - Gwneud cais am drwydded bysgota - GOV.UK");
    assertThat(name.html().select("form button.govuk-button").text()).isEqualTo("Parhau");
    assertThat(name.html().select("label[for=fullName-given]").text()).isEqualTo("Enw cyntaf");
    assertThat(name.html().select(".govuk-language-navigation a[hreflang=en]").attr("href")).isEqualTo("/permit/name?lang=en");

    JourneyDriver.Shown date = browser.post("/permit/name", "fullName-given", "Siân", "fullName-family", "Jones");
    assertThat(date.html().select("html").attr("lang")).as("the choice is kept in the session").isEqualTo("cy");
    assertThat(date.html().select(".govuk-date-input__label").eachText()).containsExactly("Diwrnod", "Mis", "Blwyddyn");
    assertThat(date.html().select(".govuk-back-link").text()).isEqualTo("Yn ôl");

    JourneyDriver.Shown empty = browser.post("/permit/date-of-birth");
    assertThat(empty.title()).startsWith("Gwall: Beth yw eich dyddiad geni?");
    assertThat(empty.html().select(".govuk-error-summary__title").text()).isEqualTo("Mae problem wedi codi");
    assertThat(empty.html().select(".govuk-error-summary__list").text()).isEqualTo("Rhowch eich dyddiad geni");
    JourneyDriver.Shown notReal = browser.post("/permit/date-of-birth",
        "dateOfBirth-day", "30", "dateOfBirth-month", "2", "dateOfBirth-year", "1990");
    assertThat(notReal.html().select(".govuk-error-summary__list").text())
        .isEqualTo("Rhaid i eich dyddiad geni fod yn ddyddiad go iawn");

    browser.post("/permit/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
    JourneyDriver.Shown river = browser.get("/permit/river");
    assertThat(river.html().select(".govuk-inset-text").text()).isEqualTo("Mae angen trwydded ar wahân arnoch ar gyfer pob afon.");
    JourneyDriver.Shown noRiver = browser.post("/permit/river");
    assertThat(noRiver.html().select(".govuk-error-summary__list").text())
        .as("the definition's errorName in Welsh").isEqualTo("Dewiswch yr afon y byddwch yn pysgota arni");
    browser.post("/permit/river", "river", "usk");
    JourneyDriver.Shown check = browser.post("/permit/rods", "rods", "2");

    assertThat(check.html().select("h1").text()).isEqualTo("Gwiriwch eich atebion cyn gwneud cais");
    assertThat(check.text()).contains("27 Mawrth 1990", "Afon Wysg", "Siân Jones");
    assertThat(check.html().select(".govuk-summary-list__actions a").first().ownText()).isEqualTo("Newid");
    assertThat(check.html().select("form button.govuk-button").text()).isEqualTo("Derbyn ac anfon");

    JourneyDriver.Shown confirmation = browser.post("/permit/check-answers");
    assertThat(confirmation.html().select(".govuk-panel__title").text()).isEqualTo("Cais wedi’i anfon");
    assertThat(confirmation.html().select(".govuk-panel__body").text()).startsWith("Eich cyfeirnod");
    assertThat(submissions).singleElement().satisfies(submission -> assertThat(submission.answers())
        .containsEntry("river", "usk").containsEntry("dateOfBirth", LocalDate.of(1990, 3, 27)));
  }

  @Test
  void switchingBackToEnglishKeepsTheAnswers() {
    browser.get("/permit/name?lang=cy");
    browser.post("/permit/name", "fullName-given", "Siân", "fullName-family", "Jones");

    JourneyDriver.Shown english = browser.get("/permit/name?lang=en");

    assertThat(english.html().select("html").attr("lang")).isEqualTo("en");
    assertThat(english.html().select("#fullName-given").val()).isEqualTo("Siân");
  }

  @Test
  void aTeamCanReplaceAWelshMessage() {
    FormEngine renamed = FormEngine.builder(SAMPLE).submissionHandler(submissions::add)
        .messages("cy", Map.of("button.continue", "Cadw a pharhau")).build();
    JourneyDriver other = new JourneyDriver(renamed, "");

    assertThat(other.get("/name?lang=cy").html().select("form button.govuk-button").text()).isEqualTo("Cadw a pharhau");
    assertThat(other.get("/name?lang=en").html().select("form button.govuk-button").text()).isEqualTo("Continue");
  }

  @Test
  void checksTheSampleHasWelshForEveryText() {
    assertThat(FormDefinitions.check(Path.of("samples/welsh.yaml"))).isEmpty();
  }
}

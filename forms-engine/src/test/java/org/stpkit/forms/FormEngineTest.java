package org.stpkit.forms;

import org.stpkit.forms.spi.Submission;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.testsupport.MovableClock;

/** The journey through the sample form, driven as a browser would, against the real engine and templates. */
class FormEngineTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));
  private static final String MOUNT = "/apply";

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean handlerFails = new AtomicBoolean();
  private final FormEngine engine = FormEngine.builder(SAMPLE)
      // Params checked as they are drawn, which the engine's own templates skip in service.
      .templates(GovukTemplates.create())
      .mountPath(MOUNT)
      .clock(clock)
      .sessionTimeout(Duration.ofMinutes(30))
      .submissionHandler(submission -> {
        if (handlerFails.get()) {
          throw new IllegalStateException("the case system is down");
        }
        submissions.add(submission);
      })
      .build();
  private final JourneyDriver browser = new JourneyDriver(engine, MOUNT);

  @Test
  void completesTheSampleFormAndSubmitsTypedAnswersOnTheRouteOnce() {
    JourneyDriver.Shown start = browser.get(MOUNT + "/");
    assertThat(start.path()).isEqualTo(MOUNT + "/full-name");
    assertThat(start.title()).isEqualTo("What is your name? - Apply for a fishing licence - GOV.UK");

    answerAllPagesForEngland();
    JourneyDriver.Shown checkAnswers = browser.get(MOUNT + "/check-answers");
    assertThat(checkAnswers.html().select("h1").text()).isEqualTo("Check your answers before applying");
    assertThat(checkAnswers.html().select("h2").eachText()).contains("About you", "Contact details");
    assertThat(checkAnswers.text()).contains("27 March 1990", "Jo Bloggs", "1 High Street", "SW1A 1AA",
        "JH 12 34 56 C", "Step-free access", "£12.50", "England");

    JourneyDriver.Shown confirmation = browser.post(MOUNT + "/check-answers");
    assertThat(confirmation.path()).isEqualTo(MOUNT + "/confirmation");
    assertThat(submissions).hasSize(1);
    Submission submission = submissions.get(0);
    assertThat(confirmation.html().select(".govuk-panel__body strong").text()).isEqualTo(submission.reference());
    assertThat(submission.reference()).matches("FL-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(submission.answers()).containsEntry("dateOfBirth", LocalDate.of(1990, 3, 27))
        .containsEntry("age", new BigDecimal("35"))
        .containsEntry("hasLicence", false)
        .containsEntry("help", List.of("access"))
        .containsEntry("donation", new BigDecimal("12.50"))
        .containsEntry("postcode", "SW1A 1AA")
        .containsEntry("fullName", new PersonName("Jo", "Bloggs"))
        .doesNotContainKey("region")
        .doesNotContainKey("phone");
    assertThat(submission.answers().keySet()).containsExactly("fullName", "dateOfBirth", "age", "email", "address",
        "country", "postcode", "niNumber", "hasLicence", "help", "helpDetails", "donation", "licenceName");
  }

  @Test
  void showsGovukPatternErrorsNamingTheAnswerWithASummaryAndKeepsWhatWasTyped() {
    // The label "What is your date of birth?" names the answer: "your date of birth".
    browser.get(MOUNT + "/");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");

    JourneyDriver.Shown empty = browser.post(MOUNT + "/date-of-birth");
    assertThat(empty.title()).startsWith("Error: What is your date of birth?");
    assertThat(empty.html().select(".govuk-error-summary__list a").attr("href")).isEqualTo("#dateOfBirth-day");
    assertThat(empty.html().select(".govuk-error-summary__list").text()).isEqualTo("Enter your date of birth");
    assertThat(empty.html().select("#dateOfBirth-error").text()).isEqualTo("Error: Enter your date of birth");

    JourneyDriver.Shown notReal = browser.post(MOUNT + "/date-of-birth",
        "dateOfBirth-day", "31", "dateOfBirth-month", "2", "dateOfBirth-year", "1990");
    assertThat(notReal.html().select(".govuk-error-summary__list").text()).isEqualTo("Your date of birth must be a real date");
    assertThat(notReal.html().select("#dateOfBirth-day").val()).isEqualTo("31");

    JourneyDriver.Shown future = browser.post(MOUNT + "/date-of-birth",
        "dateOfBirth-day", "1", "dateOfBirth-month", "1", "dateOfBirth-year", "2030");
    assertThat(future.html().select(".govuk-error-summary__list").text()).isEqualTo("Your date of birth must be in the past");

    JourneyDriver.Shown partial = browser.post(MOUNT + "/date-of-birth", "dateOfBirth-day", "1", "dateOfBirth-year", "1990");
    assertThat(partial.html().select(".govuk-error-summary__list").text()).isEqualTo("Your date of birth must include a month");
    assertThat(partial.html().select(".govuk-error-summary__list a").attr("href")).isEqualTo("#dateOfBirth-month");
    assertThat(partial.html().select("#dateOfBirth-month").hasClass("govuk-input--error")).isTrue();
    assertThat(partial.html().select("#dateOfBirth-day").hasClass("govuk-input--error")).isFalse();
  }

  @Test
  void usesCustomErrorMessagesFromTheDefinition() {
    answerAllPagesForEngland();
    JourneyDriver.Shown page = browser.post(MOUNT + "/licence-name", "licenceName", "  ");
    assertThat(page.html().select(".govuk-error-summary__list").text()).isEqualTo("Enter the name to print on your licence");
  }

  @Test
  void doesNotLetAUserSkipAhead() {
    browser.get(MOUNT + "/");
    JourneyDriver.Shown skipped = browser.get(MOUNT + "/help");
    assertThat(skipped.path()).isEqualTo(MOUNT + "/full-name");
    assertThat(browser.get(MOUNT + "/check-answers").path()).isEqualTo(MOUNT + "/full-name");
    assertThat(browser.get(MOUNT + "/confirmation").path()).isEqualTo(MOUNT + "/full-name");
  }

  @Test
  void answersOnPagesOffTheRouteAreNotSubmitted() {
    browser.get(MOUNT + "/");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    answer("/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
    answer("/age", "age", "35");
    answer("/contact", "email", "jo@example.com");
    answer("/address", "address-line1", "1 High Street", "address-town", "London", "address-postcode", "sw1a1aa");
    answer("/country", "country", "wales");
    answer("/region", "region", "midlands");
    // Back to country: England skips the region page, so its answer must not be sent.
    answer("/country", "country", "england");
    answer("/postcode", "postcode", "SW1A 1AA");
    answer("/ni-number", "niNumber", "jh123456c");
    answer("/has-licence", "hasLicence", "yes");
    answer("/help", "help", "none");
    answer("/fee", "donation", "");
    answer("/licence-name", "licenceName", "Jo Bloggs");
    browser.post(MOUNT + "/check-answers");

    assertThat(submissions).singleElement().satisfies(submission -> {
      assertThat(submission.answers()).doesNotContainKeys("region", "helpDetails", "donation");
      assertThat(submission.answers()).containsEntry("country", "england").containsEntry("help", List.of("none"));
    });
  }

  @Test
  void afterAChangeReturnsToCheckAnswersUnlessTheChangeOpensNewPages() {
    answerAllPagesForEngland();
    JourneyDriver.Shown unchanged = browser.get(MOUNT + "/age?returnTo=check-answers");
    assertThat(unchanged.html().select(".govuk-back-link").attr("href")).isEqualTo(MOUNT + "/check-answers");
    JourneyDriver.Shown back = browser.post(MOUNT + "/age", "age", "40", "returnTo", "check-answers");
    assertThat(back.path()).isEqualTo(MOUNT + "/check-answers");
    assertThat(back.text()).contains("40");

    browser.get(MOUNT + "/country?returnTo=check-answers");
    JourneyDriver.Shown opened = browser.post(MOUNT + "/country", "country", "scotland", "returnTo", "check-answers");
    assertThat(opened.path()).isEqualTo(MOUNT + "/region?returnTo=check-answers");
    JourneyDriver.Shown backAgain = browser.post(MOUNT + "/region", "region", "north-east", "returnTo", "check-answers");
    assertThat(backAgain.path()).isEqualTo(MOUNT + "/check-answers");
    assertThat(backAgain.text()).contains("Scotland", "North East");
  }

  @Test
  void aDoubleClickOrResubmitSendsOnce() {
    answerAllPagesForEngland();
    browser.get(MOUNT + "/check-answers");
    JourneyDriver.Shown first = browser.post(MOUNT + "/check-answers");
    JourneyDriver.Shown second = browser.post(MOUNT + "/check-answers");
    JourneyDriver.Shown backToAPage = browser.get(MOUNT + "/age");

    assertThat(submissions).hasSize(1);
    assertThat(second.path()).isEqualTo(MOUNT + "/confirmation");
    assertThat(backToAPage.path()).isEqualTo(MOUNT + "/confirmation");
    assertThat(second.html().select(".govuk-panel__body strong").text())
        .isEqualTo(first.html().select(".govuk-panel__body strong").text());
  }

  @Test
  void aFailedSubmissionLosesNothingAndCanBeRetried() {
    answerAllPagesForEngland();
    browser.get(MOUNT + "/check-answers");
    handlerFails.set(true);
    JourneyDriver.Shown failed = browser.post(MOUNT + "/check-answers");
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.text()).contains("Your application has not been sent. Your answers are saved.")
        .doesNotContain("IllegalStateException", "case system");

    handlerFails.set(false);
    JourneyDriver.Shown retried = browser.post(MOUNT + "/check-answers");
    assertThat(retried.path()).isEqualTo(MOUNT + "/confirmation");
    assertThat(submissions).hasSize(1);
  }

  @Test
  void aTeamCanReplaceAnyOfTheEnginesWords() {
    FormEngine renamed = FormEngine.builder(SAMPLE).mountPath(MOUNT).submissionHandler(submissions::add)
        .messages("en", Map.of("button.continue", "Save and continue", "page.back", "Go back"))
        .build();
    JourneyDriver other = new JourneyDriver(renamed, MOUNT);

    JourneyDriver.Shown first = other.get(MOUNT + "/");
    assertThat(first.html().select("form button.govuk-button").text()).isEqualTo("Save and continue");
    JourneyDriver.Shown second = other.post(MOUNT + "/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    assertThat(second.html().select(".govuk-back-link").text()).isEqualTo("Go back");
  }

  @Test
  void refusesAPostWithoutTheCsrfToken() {
    browser.get(MOUNT + "/");
    JourneyDriver.Shown refused = browser.postRaw(MOUNT + "/full-name",
        Map.of("fullName-given", List.of("Jo"), "fullName-family", List.of("Bloggs")));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(browser.get(MOUNT + "/date-of-birth").path()).isEqualTo(MOUNT + "/full-name");
  }

  @Test
  void aSessionThatTimedOutShowsTheTimeoutPage() {
    browser.get(MOUNT + "/");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    clock.advance(Duration.ofMinutes(31));

    JourneyDriver.Shown timedOut = browser.get(MOUNT + "/date-of-birth");
    assertThat(timedOut.html().select("h1").text()).isEqualTo("Your session has timed out");
    assertThat(timedOut.text()).contains("did not do anything for 30 minutes");
    JourneyDriver.Shown again = browser.get(timedOut.html().select("a.govuk-button").attr("href"));
    assertThat(again.path()).isEmpty();
    assertThat(again.html().select("#fullName-given").val()).isEmpty();
  }

  @Test
  void pagesCarryTheTimeoutWarningWhoseContinueKeepsTheSessionAlive() {
    JourneyDriver.Shown first = browser.get(MOUNT + "/");
    org.jsoup.nodes.Element dialog = first.html().selectFirst("dialog[data-stp-timeout-warning]");
    assertThat(dialog).isNotNull();
    assertThat(dialog.attr("data-timeout-seconds")).isEqualTo("1800");
    assertThat(dialog.attr("data-warning-seconds")).isEqualTo("120");
    assertThat(dialog.attr("data-keep-alive-url")).isEqualTo(MOUNT + "/_forms/keep-alive");
    assertThat(dialog.attr("aria-labelledby")).isEqualTo("stp-timeout-warning-title");
    assertThat(dialog.select("#stp-timeout-warning-title").text()).isEqualTo("Your answers are about to be deleted");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");

    clock.advance(Duration.ofMinutes(29));
    assertThat(keepAlive().status()).isEqualTo(204);
    clock.advance(Duration.ofMinutes(29));
    assertThat(browser.get(MOUNT + "/date-of-birth").html().select("h1").text())
        .as("kept alive, 58 minutes after the last page").isEqualTo("What is your date of birth?");
    clock.advance(Duration.ofMinutes(31));
    assertThat(keepAlive().status()).as("too late").isEqualTo(410);
  }

  @Test
  void anAutocompleteQuestionIsAPlainSelectUntilTheScriptEnhancesIt() {
    browser.get(MOUNT + "/");
    answerAllPagesForEngland();
    JourneyDriver.Shown contact = browser.get(MOUNT + "/contact");

    org.jsoup.nodes.Element select = contact.html().selectFirst("select#homeRiver[data-stp-autocomplete]");
    assertThat(select).isNotNull();
    assertThat(select.select("option").eachText()).contains("Select an option", "Tweed", "Wye");
    assertThat(select.attr("data-text-no-results")).isEqualTo("No results found");
    assertThat(contact.html().select("script").eachAttr("src")).endsWith(
        MOUNT + "/_forms/accessible-autocomplete.min.js", MOUNT + "/_forms/autocomplete.js");
    assertThat(contact.html().select("link[rel=stylesheet]").eachAttr("href"))
        .contains(MOUNT + "/_forms/accessible-autocomplete.min.css");
    JourneyDriver.Shown check = browser.post(MOUNT + "/contact", "email", "jo@example.com", "homeRiver", "tweed",
        "returnTo", "check-answers");
    assertThat(check.text()).contains("Which river do you fish most often? Tweed");
  }

  @Test
  void servesItsOwnScriptAndNothingElseBelowForms() {
    FormResponse script = engine.handle(FormRequest.get("/_forms/timeout-warning.js", Optional.empty()));
    assertThat(script).isInstanceOfSatisfying(FormResponse.Resource.class, resource -> {
      assertThat(resource.status()).isEqualTo(200);
      assertThat(resource.contentType()).startsWith("text/javascript");
      assertThat(new String(resource.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("showModal");
    });
    assertThat(engine.handle(FormRequest.get("/_forms/../../etc/passwd", Optional.empty())))
        .isInstanceOfSatisfying(FormResponse.Page.class, page -> assertThat(page.status()).isEqualTo(404));
  }

  private FormResponse.Resource keepAlive() {
    return (FormResponse.Resource) engine.handle(FormRequest.get("/_forms/keep-alive", browser.sessionId()));
  }

  @Test
  void ignoresUnknownFieldsAndRejectsOversizedOnes() {
    browser.get(MOUNT + "/");
    JourneyDriver.Shown tooLong = browser.post(MOUNT + "/full-name",
        "fullName-given", "x".repeat(10_001), "fullName-family", "Bloggs", "admin", "true");
    assertThat(tooLong.status()).isEqualTo(200);
    assertThat(tooLong.html().select(".govuk-error-summary").text()).contains("must be 10000 characters or less");

    JourneyDriver.Shown next = browser.post(MOUNT + "/full-name",
        "fullName-given", "Jo", "fullName-family", "Bloggs", "admin", "true");
    assertThat(next.path()).isEqualTo(MOUNT + "/date-of-birth");
  }

  @Test
  void anUnknownPageIsA404PageNotAnError() {
    browser.get(MOUNT + "/");
    JourneyDriver.Shown missing = browser.get(MOUNT + "/no-such-page");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.html().select("h1").text()).isEqualTo("Page not found");
  }

  @Test
  void asksARevealedQuestionOnlyWhenItsOptionIsChosen() {
    browser.get(MOUNT + "/");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    answer("/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
    answer("/age", "age", "35");
    answer("/contact", "email", "jo@example.com");
    answer("/address", "address-line1", "1 High Street", "address-town", "London", "address-postcode", "sw1a1aa");
    JourneyDriver.Shown country = browser.get(MOUNT + "/country");
    assertThat(country.html().select(".govuk-radios__conditional input#countryName")).hasSize(1);

    JourneyDriver.Shown missing = browser.post(MOUNT + "/country", "country", "elsewhere", "countryName", "");
    assertThat(missing.html().select(".govuk-error-summary__list a").attr("href")).isEqualTo("#countryName");
    assertThat(missing.html().select(".govuk-error-summary__list").text()).isEqualTo("Enter the country you live in");
    assertThat(missing.html().select("input[value=elsewhere]").hasAttr("checked")).isTrue();

    answer("/country", "country", "elsewhere", "countryName", "Iceland");
    answer("/region", "region", "south");
    answer("/postcode", "postcode", "SW1A 1AA");
    answer("/ni-number", "niNumber", "JH123456C");
    answer("/has-licence", "hasLicence", "yes");
    answer("/help", "help", "none");
    answer("/fee", "donation", "");
    answer("/licence-name", "licenceName", "Jo Bloggs");
    assertThat(browser.get(MOUNT + "/check-answers").text()).contains("Which country do you live in? Iceland");

    // Choosing England instead: the revealed answer stays saved but is not asked or sent.
    browser.get(MOUNT + "/country?returnTo=check-answers");
    browser.post(MOUNT + "/country", "country", "england", "countryName", "Iceland", "returnTo", "check-answers");
    JourneyDriver.Shown checkAnswers = browser.get(MOUNT + "/check-answers");
    assertThat(checkAnswers.text()).doesNotContain("Iceland");
    browser.post(MOUNT + "/check-answers");
    assertThat(submissions).singleElement().satisfies(submission ->
        assertThat(submission.answers()).containsEntry("country", "england").doesNotContainKeys("countryName", "region"));
  }

  @Test
  void showsContentOnlyWhenItsConditionHolds() {
    answerAllPagesForEngland();
    assertThat(browser.get(MOUNT + "/licence-name").text()).contains("You qualify for a discount.");
  }

  private void answerAllPagesForEngland() {
    browser.get(MOUNT + "/");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    answer("/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
    answer("/age", "age", "35");
    answer("/contact", "email", "jo@example.com", "phone", "");
    answer("/address", "address-line1", "1 High Street", "address-town", "London", "address-postcode", "sw1a1aa");
    answer("/country", "country", "england");
    answer("/postcode", "postcode", "sw1a 1aa");
    answer("/ni-number", "niNumber", "jh 12 34 56 c");
    answer("/has-licence", "hasLicence", "no");
    answer("/help", "help", "access");
    answer("/help-details", "helpDetails", "A ramp to the river, please");
    answer("/fee", "donation", "£12.50");
    answer("/licence-name", "licenceName", "Jo Bloggs");
  }

  private JourneyDriver.Shown answer(String page, String... fields) {
    browser.get(MOUNT + page);
    JourneyDriver.Shown next = browser.post(MOUNT + page, fields);
    assertThat(next.html().select(".govuk-error-summary").text()).as("errors after answering " + page).isEmpty();
    return next;
  }
}

package org.stpkit.forms;

import org.stpkit.forms.spi.Submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Answers bound to a team's record and checked with Jakarta Validation (Hibernate Validator). */
class TypedBindingTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));

  /** The sample form's answers as a service would model them. */
  record FishingLicence(
      PersonName fullName,
      LocalDate dateOfBirth,
      @Min(value = 12, message = "You must be 12 or older to apply") int age,
      @Email @Pattern(regexp = ".*\\.(uk|com)$", message = "Enter an email address ending in .uk or .com") String email,
      Optional<String> phone,
      Address address,
      String country,
      Optional<String> region,
      String postcode,
      String niNumber,
      boolean hasLicence,
      List<String> help,
      Optional<String> helpDetails,
      Optional<BigDecimal> donation,
      String licenceName) {

    @AssertTrue(message = "The age you gave does not match your date of birth")
    boolean isAgeMatchingDateOfBirth() {
      return dateOfBirth == null || Math.abs(dateOfBirth.until(LocalDate.of(2026, 11, 22)).getYears() - age) <= 1;
    }
  }

  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormEngine engine = FormEngine.builder(SAMPLE)
      .bindAnswersTo(FishingLicence.class)
      .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneOffset.UTC))
      .submissionHandler(submissions::add)
      .build();
  private final JourneyDriver browser = new JourneyDriver(engine, "");

  @Test
  void aFieldConstraintShowsOnItsPageAndField() {
    answerUpTo("/age");
    JourneyDriver.Shown tooYoung = browser.post("/age", "age", "10");

    assertThat(tooYoung.title()).startsWith("Error: ");
    assertThat(tooYoung.html().select(".govuk-error-summary__list a").attr("href")).isEqualTo("#age");
    assertThat(tooYoung.html().select("#age-error").text()).isEqualTo("Error: You must be 12 or older to apply");
  }

  @Test
  void theSubmissionCarriesTheValidatedRecord() {
    answerAll("35");
    browser.post("/check-answers");

    FishingLicence licence = submissions.get(0).answersAs(FishingLicence.class);
    assertThat(licence.fullName()).isEqualTo(new PersonName("Jo", "Bloggs"));
    assertThat(licence.age()).isEqualTo(35);
    assertThat(licence.hasLicence()).isFalse();
    assertThat(licence.region()).isEmpty();
    assertThat(licence.donation()).contains(new BigDecimal("12.50"));
    assertThat(licence.help()).containsExactly("access");
  }

  @Test
  void aRecordLevelConstraintShowsOnCheckAnswersAndNothingIsSent() {
    answerAll("60");
    JourneyDriver.Shown refused = browser.post("/check-answers");

    assertThat(refused.title()).startsWith("Error: Check your answers");
    assertThat(refused.html().select(".govuk-error-summary").text())
        .contains("The age you gave does not match your date of birth");
    assertThat(submissions).isEmpty();
  }

  @Test
  void aRecordThatDoesNotFitTheFormIsRefusedAtBuildTime() {
    record Wrong(String age, String shoeSize) {}

    assertThatThrownBy(() -> FormEngine.builder(SAMPLE).bindAnswersTo(Wrong.class).submissionHandler(s -> { }).build())
        .isInstanceOf(FormsException.class)
        .hasMessageContaining("age: a number answer cannot be a String")
        .hasMessageContaining("shoeSize: the form has no question of that name");
  }

  /** A valid answer to every page of the sample on the route for England, in order. */
  private static final String[][] ANSWERS = {
      {"/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs"},
      {"/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990"},
      {"/age", "age", "35"},
      {"/contact", "email", "jo@example.com"},
      {"/address", "address-line1", "1 High Street", "address-town", "Leeds", "address-postcode", "LS1 1AA"},
      {"/country", "country", "england"},
      {"/postcode", "postcode", "LS1 1AA"},
      {"/ni-number", "niNumber", "JH123456C"},
      {"/has-licence", "hasLicence", "no"},
      {"/help", "help", "access"},
      {"/help-details", "helpDetails", "A ramp"},
      {"/fee", "donation", "12.50"},
      {"/licence-name", "licenceName", "Jo Bloggs"}};

  /** Answers every page before this one, then shows it. */
  private void answerUpTo(String page) {
    browser.get("/");
    for (String[] answer : ANSWERS) {
      if (answer[0].equals(page)) {
        browser.get(page);
        return;
      }
      JourneyDriver.Shown next = answer(answer);
      assertThat(next.html().select(".govuk-error-summary").text()).as(answer[0]).isEmpty();
    }
  }

  /** Answers every page, with this age. */
  private void answerAll(String age) {
    answerUpTo("/age");
    browser.post("/age", "age", age);
    browser.get("/check-answers");
    boolean afterAge = false;
    for (String[] answer : ANSWERS) {
      if (afterAge) {
        answer(answer);
      }
      afterAge |= answer[0].equals("/age");
    }
    assertThat(browser.get("/check-answers").path()).isIn("", "/check-answers");
  }

  private JourneyDriver.Shown answer(String[] answer) {
    browser.get(answer[0]);
    return browser.post(answer[0], java.util.Arrays.copyOfRange(answer, 1, answer.length));
  }
}

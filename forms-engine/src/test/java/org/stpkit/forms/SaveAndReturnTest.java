package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.InMemoryProgressStore;
import org.stpkit.forms.spi.ReturnLink;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.MovableClock;

/**
 * "Save and come back later" on the sample that offers it, driven as a browser would against the real
 * engine, with saved journeys in memory and the links the sender was given: saving, the link back in
 * another browser, and each way a link stops working.
 */
class SaveAndReturnTest {
  private static final FormDefinition SAMPLE = FormDefinitions.load(Path.of("samples/save-and-return.yaml"));
  private static final String FORM_URL = "https://grants.example.gov.uk/apply";
  private static final String STREET = "What is the name of the first street you lived on?";

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-12-06T10:00:00Z"));
  private final InMemoryProgressStore store = new InMemoryProgressStore();
  private final List<ReturnLink> sent = new CopyOnWriteArrayList<>();
  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final FormEngine engine = engine(SaveAndReturn.builder(URI.create(FORM_URL), store, sent::add).build());

  private FormEngine engine(SaveAndReturn saving) {
    return FormEngine.builder(SAMPLE).mountPath("/apply").clock(clock).saveAndReturn(saving)
        .submissionHandler(submissions::add).build();
  }

  /** A browser that answers the first two pages and saves on the third, with the answer "Mill Lane". */
  private JourneyDriver savedOnTheProjectPage(FormEngine on) {
    JourneyDriver browser = new JourneyDriver(on, "/apply");
    browser.get("/apply/");
    browser.post("/apply/organisation", "organisation", "Riverside Rowing Club");
    browser.post("/apply/contact", "contactEmail", "club@example.org");
    JourneyDriver.Shown save = browser.post("/apply/project", "project", "A new boat", "saveAndReturn", "save");
    assertThat(save.path()).isEqualTo("/apply/progress/save?from=/project");
    browser.post("/apply/progress/save", "from", "/project", "email", "jo@example.com", "securityAnswer", " Mill  LANE ");
    return browser;
  }

  private String linkPath() {
    assertThat(sent).isNotEmpty();
    String url = sent.get(sent.size() - 1).url();
    assertThat(url).startsWith(FORM_URL + "/return/");
    return url.substring("https://grants.example.gov.uk".length());
  }

  @Test
  void savesTheJourneySendsTheLinkAndTheLinkTakesAnotherBrowserBackToWhereItWasLeft() {
    JourneyDriver browser = new JourneyDriver(engine, "/apply");
    browser.get("/apply/");
    JourneyDriver.Shown first = browser.post("/apply/organisation", "organisation", "Riverside Rowing Club");
    assertThat(first.html().select("button[name=saveAndReturn]").text()).isEqualTo("Save and come back later");
    browser.post("/apply/contact", "contactEmail", "club@example.org");
    browser.post("/apply/project", "project", "A new boat", "saveAndReturn", "save");

    JourneyDriver.Shown blank = browser.post("/apply/progress/save", "from", "/project", "email", "",
        "securityAnswer", "");
    assertThat(blank.title()).startsWith("Error: Save your progress");
    assertThat(blank.html().select(".govuk-error-summary__list a").eachText())
        .containsExactly("Enter your email address", "Enter the answer to the security question");
    assertThat(blank.html().select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#email", "#securityAnswer");
    assertThat(blank.html().select("label[for=securityAnswer]").text()).isEqualTo(STREET);
    assertThat(blank.html().select(".govuk-back-link").attr("href")).isEqualTo("/apply/project");
    JourneyDriver.Shown badEmail = browser.post("/apply/progress/save", "from", "/project", "email", "jo@example",
        "securityAnswer", "Mill Lane");
    assertThat(badEmail.html().select("#email-error").text())
        .isEqualTo("Error: Enter an email address in the correct format, like name@example.com");
    assertThat(badEmail.html().select("#securityAnswer").val()).isEqualTo("Mill Lane");
    assertThat(sent).isEmpty();

    JourneyDriver.Shown saved = browser.post("/apply/progress/save", "from", "/project", "email", "jo@example.com",
        "securityAnswer", "Mill Lane");
    assertThat(saved.path()).isEqualTo("/apply/progress/saved");
    assertThat(saved.html().select("h1").text()).isEqualTo("Your progress has been saved");
    assertThat(saved.text()).contains("We have sent an email to jo@example.com")
        .contains("The link works once, until 3 January 2027.");
    assertThat(sent).singleElement().satisfies(link -> {
      assertThat(link.email()).isEqualTo("jo@example.com");
      assertThat(link.formTitle()).isEqualTo("Apply for a community grant");
      assertThat(link.expiresAt()).isEqualTo(Instant.parse("2027-01-03T10:00:00Z"));
      assertThat(link.expiresOn()).isEqualTo("3 January 2027");
      assertThat(link.language()).isEqualTo("en");
      assertThat(link.url()).matches("https://grants\\.example\\.gov\\.uk/apply/return/[A-Za-z0-9_-]{32}");
      assertThat(link.toString()).doesNotContain(link.url()).doesNotContain("jo@example.com");
    });
    assertThat(browser.post("/apply/progress/save", "from", "/project", "email", "jo@example.com", "securityAnswer",
        "Mill Lane").path()).as("saved again with the back button: nothing new").isEqualTo("/apply/progress/saved");
    assertThat(sent).hasSize(1);
    assertThat(browser.get("/apply/contact").path()).as("the answers left this browser: it starts again")
        .isEqualTo("/apply/organisation");

    JourneyDriver elsewhere = new JourneyDriver(engine, "/apply");
    JourneyDriver.Shown opened = elsewhere.get(linkPath());
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.html().select("h1").text()).isEqualTo("Continue your application");
    assertThat(opened.text()).contains("You saved your progress on 6 December 2026.");
    assertThat(elsewhere.get(linkPath()).status()).as("opening the link does not use it").isEqualTo(200);
    JourneyDriver.Shown wrong = elsewhere.post(linkPath(), "securityAnswer", "Mill Road");
    assertThat(wrong.html().select("#securityAnswer-error").text()).isEqualTo("Error: The answer does not match the one"
        + " you gave when you saved your progress. You can try 4 more times");
    JourneyDriver.Shown back = elsewhere.post(linkPath(), "securityAnswer", "  mill   lane");
    assertThat(back.path()).isEqualTo("/apply/project");
    assertThat(back.html().select("#project").text()).as("the page left, with the answer saved on it").isEqualTo("A new boat");
    assertThat(elsewhere.get("/apply/contact").html().select("#contactEmail").val()).isEqualTo("club@example.org");

    elsewhere.post("/apply/project", "project", "A new boat");
    elsewhere.post("/apply/amount", "amount", "1200");
    elsewhere.post("/apply/check-answers");
    assertThat(submissions).singleElement().satisfies(submission -> {
      assertThat(submission.answers()).containsEntry("organisation", "Riverside Rowing Club")
          .containsEntry("project", "A new boat").containsEntry("contactEmail", "club@example.org");
      assertThat((BigDecimal) submission.answers().get("amount")).isEqualByComparingTo("1200");
    });
  }

  @Test
  void savingKeepsThePagesAnswersWhenTheyAreRightAndReturnsToThatPage() {
    JourneyDriver browser = new JourneyDriver(engine, "/apply");
    browser.get("/apply/");
    browser.post("/apply/organisation", "organisation", "Riverside Rowing Club", "saveAndReturn", "save");
    browser.post("/apply/progress/save", "from", "/organisation", "email", "jo@example.com", "securityAnswer", "Mill Lane");

    JourneyDriver other = new JourneyDriver(engine, "/apply");
    other.get(linkPath());
    JourneyDriver.Shown back = other.post(linkPath(), "securityAnswer", "Mill Lane");
    assertThat(back.path()).isEqualTo("/apply/organisation");
    assertThat(back.html().select("#organisation").val()).isEqualTo("Riverside Rowing Club");
  }

  @Test
  void aLinkWorksOnce() {
    savedOnTheProjectPage(engine);
    JourneyDriver first = new JourneyDriver(engine, "/apply");
    first.get(linkPath());
    assertThat(first.post(linkPath(), "securityAnswer", "Mill Lane").path()).isEqualTo("/apply/project");

    JourneyDriver second = new JourneyDriver(engine, "/apply");
    JourneyDriver.Shown used = second.get(linkPath());
    assertThat(used.status()).isEqualTo(410);
    assertThat(used.html().select("h1").text()).isEqualTo("This link has already been used");
    assertThat(used.html().select("a.govuk-button").attr("href")).isEqualTo("/apply/organisation");
    assertThat(first.post(linkPath(), "securityAnswer", "Mill Lane").status()).as("posted again").isEqualTo(410);
  }

  @Test
  void aLinkExpiresAfter28DaysByDefaultOrAsConfigured() {
    savedOnTheProjectPage(engine);
    String link = linkPath();
    clock.advance(Duration.ofDays(28).minusSeconds(1));
    assertThat(new JourneyDriver(engine, "/apply").get(link).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    JourneyDriver.Shown expired = new JourneyDriver(engine, "/apply").get(link);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.html().select("h1").text()).isEqualTo("This link has expired");

    FormEngine weekly = engine(SaveAndReturn.builder(URI.create(FORM_URL), store, sent::add)
        .linkValidFor(Duration.ofDays(7)).build());
    JourneyDriver browser = new JourneyDriver(weekly, "/apply");
    browser.get("/apply/");
    assertThat(browser.post("/apply/organisation", "organisation", "Club", "saveAndReturn", "save").text())
        .contains("The link works once, for 7 days.");
    browser.post("/apply/progress/save", "from", "/organisation", "email", "jo@example.com", "securityAnswer", "x");
    clock.advance(Duration.ofDays(7));
    assertThat(new JourneyDriver(weekly, "/apply").get(linkPath()).html().select("h1").text())
        .isEqualTo("This link has expired");
  }

  @Test
  void tooManyWrongAnswersEndTheLinkAndDeleteTheSavedAnswers() {
    FormEngine strict = engine(SaveAndReturn.builder(URI.create(FORM_URL), store, sent::add).maxWrongAnswers(2).build());
    savedOnTheProjectPage(strict);
    JourneyDriver browser = new JourneyDriver(strict, "/apply");
    browser.get(linkPath());
    assertThat(browser.post(linkPath(), "securityAnswer", "").html().select("#securityAnswer-error").text())
        .as("a blank answer is not counted").isEqualTo("Error: Enter the answer to the security question");
    assertThat(browser.post(linkPath(), "securityAnswer", "Mill Road").text()).contains("You can try 1 more time");
    JourneyDriver.Shown refused = browser.post(linkPath(), "securityAnswer", "Mill Street");
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.html().select("h1").text()).isEqualTo("You cannot use this link");

    assertThat(new JourneyDriver(strict, "/apply").get(linkPath()).html().select("h1").text())
        .isEqualTo("You cannot use this link");
    assertThat(store.find(digestOf(linkPath()))).hasValueSatisfying(link -> assertThat(link.discarded()).isTrue());
  }

  @Test
  void unknownAndMalformedLinksGetTheirOwnPage() {
    JourneyDriver browser = new JourneyDriver(engine, "/apply");
    JourneyDriver.Shown unknown = browser.get("/apply/return/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.html().select("h1").text()).isEqualTo("This link does not work");
    assertThat(unknown.text()).contains("Check that you copied the whole link from the email.");
    assertThat(browser.get("/apply/return/..%2F..%2Fetc").status()).isEqualTo(404);
  }

  @Test
  void aSenderThatFailsSavesNothingAndKeepsTheAnswers() {
    FormEngine failing = engine(SaveAndReturn.builder(URI.create(FORM_URL), store, link -> {
      throw new IllegalStateException("Notify is down");
    }).build());
    JourneyDriver browser = new JourneyDriver(failing, "/apply");
    browser.get("/apply/");
    browser.post("/apply/organisation", "organisation", "Riverside Rowing Club", "saveAndReturn", "save");
    JourneyDriver.Shown notSaved = browser.post("/apply/progress/save", "from", "/organisation", "email",
        "jo@example.com", "securityAnswer", "Mill Lane");
    assertThat(notSaved.status()).isEqualTo(503);
    assertThat(notSaved.text()).contains("Your progress has not been saved and no email has been sent.");
    assertThat(notSaved.html().select("a.govuk-button").attr("href")).isEqualTo("/apply/progress/save?from=/organisation");
    assertThat(browser.get("/apply/organisation").html().select("#organisation").val()).isEqualTo("Riverside Rowing Club");
  }

  @Test
  void aFormThatOffersItNeedsASenderAndOneThatDoesNotHasNoButton() {
    assertThatThrownBy(() -> FormEngine.builder(SAMPLE).submissionHandler(submissions::add).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Form 'community-grant' offers save and return (saveAndReturn in its definition) but"
            + " the engine has no return-link sender");
    assertThatThrownBy(() -> SaveAndReturn.builder(URI.create("/apply"), store, sent::add))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) address");

    FormDefinition plain = FormDefinitions.load(Path.of("samples/eligibility.yaml"));
    FormEngine withoutIt = FormEngine.builder(plain).saveAndReturn(SaveAndReturn.builder(URI.create(FORM_URL), store,
        sent::add).build()).submissionHandler(submissions::add).build();
    JourneyDriver browser = new JourneyDriver(withoutIt, "");
    assertThat(browser.get("/").html().select("button[name=saveAndReturn]")).isEmpty();
    assertThat(browser.get("/progress/save").status()).isEqualTo(404);
  }

  @Test
  void theDefinitionOffersItWithOrWithoutAQuestionAndTheCheckerFindsItsMistakes(@org.junit.jupiter.api.io.TempDir Path folder)
      throws Exception {
    assertThat(SAMPLE.saveAndReturn()).hasValueSatisfying(settings ->
        assertThat(settings.securityQuestion()).hasValue(LocalisedText.of(STREET)));
    String pages = "pages:\n  - path: /name\n    questions: [{type: text, name: name, label: {en: Name, cy: Enw}}]\n";
    assertThat(FormDefinitions.parse("id: f\ntitle: F\nsaveAndReturn: true\n" + pages, "true.yaml").saveAndReturn())
        .hasValueSatisfying(settings -> assertThat(settings.securityQuestion()).isEmpty());
    assertThat(FormDefinitions.parse("id: f\ntitle: F\nsaveAndReturn: false\n" + pages, "false.yaml").saveAndReturn())
        .isEmpty();

    Path welsh = folder.resolve("welsh.yaml");
    java.nio.file.Files.writeString(welsh, "id: f\ntitle: {en: F, cy: Ff}\nlanguages: [en, cy]\n"
        + "saveAndReturn:\n  securityQuestion: What is your pet called?\n" + pages);
    assertThat(FormDefinitions.check(welsh)).extracting(Object::toString).containsExactly(welsh
        + ":5:21: saveAndReturn.securityQuestion: a Welsh form needs this text in Welsh too: {en: ..., cy: ...}");
    Path wrong = folder.resolve("wrong.yaml");
    java.nio.file.Files.writeString(wrong, "id: f\ntitle: F\nsaveAndReturn: {question: Pet}\n" + pages);
    assertThat(FormDefinitions.check(wrong)).singleElement().satisfies(problem ->
        assertThat(problem.toString()).startsWith(wrong + ":3:").contains("saveAndReturn"));
  }

  private static String digestOf(String linkPath) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(linkPath.substring(linkPath.lastIndexOf('/') + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

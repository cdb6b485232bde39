package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.SubmissionOutbox;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;

/**
 * The sample forms, served by the servlet adapter in Jetty and walked in one headless Chromium shared
 * by every test of the class: every page, with and without errors, check your answers, confirmation,
 * page not found and session timed out, each checked with axe-core (WCAG 2.0/2.1/2.2 A and AA and
 * best practice, the region rule off). Writes target/accessibility-report.json with every page of
 * every test, and fails on any violation.
 */
class FormAccessibilityIT {
  private static ChromeDriver chrome;
  private static AxeReport axe;
  private static final GovukTemplates CHECKED_TEMPLATES = GovukTemplates.create();

  private static final Map<String, Map<String, String>> ANSWERS = new LinkedHashMap<>();

  static {
    ANSWERS.put("/full-name", Map.of("fullName-given", "Jo", "fullName-family", "Bloggs"));
    ANSWERS.put("/date-of-birth", Map.of("dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990"));
    ANSWERS.put("/age", Map.of("age", "35"));
    ANSWERS.put("/contact", Map.of("email", "jo@example.com"));
    ANSWERS.put("/address", Map.of("address-line1", "1 High Street", "address-town", "Leeds", "address-postcode", "LS1 1AA"));
    ANSWERS.put("/country", Map.of("country", "england"));
    ANSWERS.put("/postcode", Map.of("postcode", "LS1 1AA"));
    ANSWERS.put("/ni-number", Map.of("niNumber", "JH 12 34 56 C"));
    ANSWERS.put("/has-licence", Map.of("hasLicence", "no"));
    ANSWERS.put("/help", Map.of("help", "access"));
    ANSWERS.put("/help-details", Map.of("helpDetails", "A ramp to the river"));
    ANSWERS.put("/fee", Map.of("donation", "5"));
    ANSWERS.put("/licence-name", Map.of("licenceName", "Jo Bloggs"));
  }

  @BeforeAll
  static void startChromium() throws Exception {
    chrome = Chromium.start();
    axe = new AxeReport(AxeReport.GOVUK_RADIOS_ARIA_EXPANDED);
  }

  @AfterAll
  static void writeTheReport() throws Exception {
    if (chrome == null) {
      return;
    }
    chrome.quit();
    Path reportFile = axe.write("accessibility-report.json");
    assertThat(axe.violations()).as("axe violations (see %s)", reportFile).isEmpty();
  }

  /**
   * Every page here is drawn with each component's params checked against govuk-frontend's documented
   * options, which the engine's own templates skip in service: so the shapes the engine builds are
   * checked on every kind of page it draws.
   */
  private static FormEngine.Builder checkedEngine(FormDefinition form) {
    return FormEngine.builder(form).templates(CHECKED_TEMPLATES);
  }

  @BeforeEach
  void freshBrowserState() {
    chrome.manage().deleteAllCookies();
  }

  @Test
  void everyPageOfTheSampleFormPassesAxeWithAndWithoutErrors() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));
    FormEngine engine = checkedEngine(form).mountPath("/apply").submissionHandler(submission -> { }).build();
    int before = axe.pages();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      String base = server.baseUrl() + "/apply";
      chrome.get(base + "/");
      for (Map.Entry<String, Map<String, String>> page : ANSWERS.entrySet()) {
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + page.getKey());
        if (page.getKey().equals("/country")) {
          // The option that reveals a question, chosen with the revealed question left blank.
          fill(chrome, Map.of("country", "elsewhere"));
          continueButton(chrome);
          assertThat(chrome.findElement(By.id("countryName-error")).isDisplayed()).isTrue();
          axe.check(chrome, "/country with a revealed question's error");
        }
        if (page.getKey().equals("/contact")) {
          chooseFromTheAutocomplete(chrome, axe);
        }
        checkWithAndWithoutErrors(chrome, axe, page.getKey(), page.getValue());
      }
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
      assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Tweed");
      axe.check(chrome, "check answers");

      // The select question is only on the route for people outside England: change the country.
      chrome.get(base + "/country?returnTo=check-answers");
      fill(chrome, Map.of("country", "wales"));
      continueButton(chrome);
      assertThat(chrome.getCurrentUrl()).startsWith(base + "/region");
      checkWithAndWithoutErrors(chrome, axe, "/region", Map.of("region", "midlands"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
      axe.check(chrome, "check answers after a change");

      clickAndWaitForNextPage(chrome, By.cssSelector("form button"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/confirmation");
      axe.check(chrome, "confirmation");

      chrome.get(base + "/no-such-page");
      axe.check(chrome, "page not found");

      chrome.manage().deleteAllCookies();
      chrome.manage().addCookie(new Cookie("stp-form-session", "expired-session", "/apply"));
      chrome.get(base + "/age");
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Your session has timed out");
      axe.check(chrome, "session timed out");
    }

    assertThat(axe.pages() - before).isEqualTo(2 * (ANSWERS.size() + 1) + 7);
  }

  @Test
  void theWelshSampleInWelshPassesAxeWithAndWithoutErrors() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/welsh.yaml"));
    FormEngine engine = checkedEngine(form).mountPath("/permit").submissionHandler(submission -> { }).build();
    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
    answers.put("/name", Map.of("fullName-given", "Siân", "fullName-family", "Jones"));
    answers.put("/date-of-birth", Map.of("dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990"));
    answers.put("/river", Map.of("river", "usk"));
    answers.put("/rods", Map.of("rods", "2"));
    int before = axe.pages();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      String base = server.baseUrl() + "/permit";
      chrome.get(base + "/");
      axe.check(chrome, "Welsh sample, first page in English");
      clickAndWaitForNextPage(chrome, By.cssSelector(".govuk-language-navigation a[hreflang=cy]"));
      assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
      for (Map.Entry<String, Map<String, String>> page : answers.entrySet()) {
        assertThat(chrome.getCurrentUrl()).startsWith(base + page.getKey());
        checkWithAndWithoutErrors(chrome, axe, "Welsh " + page.getKey(), page.getValue(), "Gwall: ");
      }
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
      assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
      axe.check(chrome, "Welsh check answers");
      clickAndWaitForNextPage(chrome, By.cssSelector("form button"));
      assertThat(chrome.findElement(By.cssSelector(".govuk-panel__title")).getText()).isEqualTo("Cais wedi’i anfon");
      axe.check(chrome, "Welsh confirmation");
    }
    assertThat(axe.pages() - before).isEqualTo(2 * answers.size() + 3);
  }

  @Test
  void everyStateOfTheUploadSamplePassesAxeWithAndWithoutErrors(@org.junit.jupiter.api.io.TempDir Path files)
      throws Exception {
    Path store = files.resolve("store");
    Path png = SampleFiles.write(files, "river.png", SampleFiles.png());
    Path pdf = SampleFiles.write(files, "report.pdf", SampleFiles.pdf());
    Path docx = SampleFiles.write(files, "statement.docx", SampleFiles.docx());
    Path virus = SampleFiles.write(files, "infected.jpg", concat(SampleFiles.jpeg(), SampleFiles.EICAR));
    Path huge = SampleFiles.write(files, "huge.png", SampleFiles.pdfOfSize(10 * 1024 * 1024));
    int before = axe.pages();
    try (StubClamd clamd = new StubClamd()) {
      FormEngine engine = checkedEngine(FormDefinitions.load(Path.of("samples/upload.yaml"))).mountPath("/report")
          .virusScanner(org.stpkit.forms.spi.ClamAvScanner.at("127.0.0.1", clamd.port()).build())
          .fileStore(org.stpkit.forms.spi.FileSystemFileStore.in(store))
          .submissionHandler(submission -> { }).build();
      try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
        String base = server.baseUrl() + "/report";
        chrome.get(base + "/");
        fill(chrome, Map.of("reporterName-given", "Jo", "reporterName-family", "Bloggs"));
        continueButton(chrome);
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/photo");
        axe.check(chrome, "file question");
        continueButton(chrome);
        assertThat(uploadError(chrome)).isEqualTo("Select a photo of the pollution");
        axe.check(chrome, "file question with no file chosen");
        upload(chrome, "photo", pdf);
        assertThat(uploadError(chrome)).isEqualTo("The selected file must be a JPG or PNG");
        axe.check(chrome, "file question with a file of the wrong kind");
        upload(chrome, "photo", virus);
        assertThat(uploadError(chrome)).isEqualTo("The selected file contains a virus");
        axe.check(chrome, "file question with a virus");
        upload(chrome, "photo", huge);
        assertThat(uploadError(chrome)).isEqualTo("The selected file must be smaller than 5MB");
        axe.check(chrome, "file question with a post over the body limit");
        upload(chrome, "photo", png);
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/evidence");
        axe.check(chrome, "file question for several files");
        upload(chrome, "evidence", pdf, docx, png, virus);
        assertThat(uploadError(chrome)).isEqualTo("You can only select up to 3 files at the same time");
        axe.check(chrome, "file question for several files with too many");
        upload(chrome, "evidence", pdf, docx);
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/permit");
        axe.check(chrome, "optional file question");
        continueButton(chrome);
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("river.png", "report.pdf", "statement.docx");
        axe.check(chrome, "check answers with files");
        chrome.get(base + "/photo?returnTo=check-answers");
        assertThat(chrome.findElement(By.id("photo-hint")).getText()).contains("Uploaded: river.png");
        axe.check(chrome, "file question with a file uploaded");
        continueButton(chrome);
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
        clickAndWaitForNextPage(chrome, By.cssSelector("form button"));
        assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/confirmation");
        axe.check(chrome, "confirmation of a report with files");
      }
    }
    assertThat(axe.pages() - before).isEqualTo(11);
  }

  /** Chooses files in a file input (as a user would in the file picker) and continues. */
  private static void upload(ChromeDriver chrome, String name, Path... files) {
    chrome.findElement(By.cssSelector("input[type=file][name=" + name + "]"))
        .sendKeys(String.join("\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
    continueButton(chrome);
  }

  private static String uploadError(ChromeDriver chrome) {
    assertThat(chrome.getTitle()).startsWith("Error: ");
    return chrome.findElement(By.cssSelector(".govuk-error-summary__list a")).getText();
  }

  private static byte[] concat(byte[] content, String more) {
    byte[] joined = java.util.Arrays.copyOf(content, content.length + more.length());
    System.arraycopy(more.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, joined, content.length, more.length());
    return joined;
  }

  @Test
  void theProblemPagesOfAStoreThatIsDownAndASubmissionNotSentPassAxe() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));
    SwitchableAnswerStore store = new SwitchableAnswerStore(new InMemoryAnswerStore(Clock.systemUTC()));
    SubmissionOutbox failing = (journeyKey, submission) -> {
      throw new IllegalStateException("the forms database is down");
    };
    FormEngine engine = checkedEngine(form).mountPath("/apply").answerStore(store).submissionHandler(failing).build();
    int before = axe.pages();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      String base = server.baseUrl() + "/apply";
      chrome.get(base + "/");
      store.down.set(true);
      chrome.get(base + "/full-name");
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Sorry, there is a problem with the service");
      axe.check(chrome, "answer store unreachable (503)");
      store.down.set(false);

      chrome.get(base + "/full-name");
      for (Map.Entry<String, Map<String, String>> page : ANSWERS.entrySet()) {
        fill(chrome, page.getValue());
        continueButton(chrome);
      }
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
      clickAndWaitForNextPage(chrome, By.cssSelector("form button"));
      assertThat(chrome.findElement(By.tagName("body")).getText()).contains("Your application has not been sent");
      axe.check(chrome, "submission not sent (503)");
    }
    assertThat(axe.pages() - before).isEqualTo(2);
  }

  @Test
  void theExitPageAndAPageAskedOnlyWhenItsConditionHoldsPassAxe() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/eligibility.yaml"));
    FormEngine engine = checkedEngine(form).mountPath("/junior").submissionHandler(submission -> { }).build();
    int before = axe.pages();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      String base = server.baseUrl() + "/junior";
      chrome.get(base + "/");
      fill(chrome, Map.of("under16", "no"));
      continueButton(chrome);
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/cannot-apply");
      assertThat(chrome.findElements(By.cssSelector("form"))).isEmpty();
      axe.check(chrome, "exit page");

      chrome.get(base + "/age");
      fill(chrome, Map.of("under16", "yes"));
      continueButton(chrome);
      fill(chrome, Map.of("disabled", "yes"));
      continueButton(chrome);
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/blue-badge");
      checkWithAndWithoutErrors(chrome, axe, "page asked by its showWhen", Map.of("blueBadge", "no"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/name");
    }
    assertThat(axe.pages() - before).isEqualTo(3);
  }

  @Test
  void everyPageOfTheRepeatingSamplePassesAxeWithAndWithoutErrors() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/repeating.yaml"));
    FormEngine engine = checkedEngine(form).mountPath("/kids").submissionHandler(submission -> { }).build();
    int before = axe.pages();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      String base = server.baseUrl() + "/kids";
      chrome.get(base + "/");
      fill(chrome, Map.of("parentName-given", "Sam", "parentName-family", "Lee"));
      continueButton(chrome);
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/children/1/name");
      checkWithAndWithoutErrors(chrome, axe, "item page", Map.of("childName-given", "Ada", "childName-family", "Lee"));
      checkWithAndWithoutErrors(chrome, axe, "item date page",
          Map.of("childDateOfBirth-day", "1", "childDateOfBirth-month", "5", "childDateOfBirth-year", "2015"));
      checkWithAndWithoutErrors(chrome, axe, "item page asked by the item's answer", Map.of("school", "Hill Primary"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/children");
      checkWithAndWithoutErrors(chrome, axe, "list of items", Map.of("addAnother", "yes"));
      fill(chrome, Map.of("childName-given", "Bo", "childName-family", "Lee"));
      continueButton(chrome);
      fill(chrome, Map.of("childDateOfBirth-day", "1", "childDateOfBirth-month", "5", "childDateOfBirth-year", "2023"));
      continueButton(chrome);
      chrome.get(base + "/children/2/remove");
      checkWithAndWithoutErrors(chrome, axe, "remove an item", Map.of("confirmRemove", "no"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/children");
      fill(chrome, Map.of("addAnother", "no"));
      continueButton(chrome);
      checkWithAndWithoutErrors(chrome, axe, "page asked by an answer in the items", Map.of("schoolTransport", "no"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/check-answers");
      assertThat(chrome.findElements(By.cssSelector(".govuk-summary-card"))).hasSize(2);
      axe.check(chrome, "check answers with every item");
    }
    assertThat(axe.pages() - before).isEqualTo(13);
  }

  @Test
  void theTimeoutWarningIsAModalForKeyboardAndScreenReaderUsersAndContinueKeepsTheSession() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/eligibility.yaml"));
    InMemoryAnswerStore store = new InMemoryAnswerStore(java.time.Clock.systemUTC());
    // The warning opens 3 seconds after a page loads: a 30-second session, warned 27 seconds before.
    FormEngine engine = checkedEngine(form).mountPath("/junior").answerStore(store)
        .sessionTimeout(Duration.ofSeconds(30)).timeoutWarning(Duration.ofSeconds(27))
        .submissionHandler(submission -> { }).build();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      chrome.get(server.baseUrl() + "/junior/");
      String sessionId = chrome.manage().getCookieNamed("stp-form-session").getValue();
      waitForTheWarning(chrome, true);

      assertThat(chrome.executeScript("return document.querySelector('dialog').matches(':modal');")).isEqualTo(true);
      assertThat(chrome.executeScript("return document.activeElement.closest('dialog') !== null;"))
          .as("focus moves into the warning").isEqualTo(true);
      chrome.executeScript("document.querySelector('main input').focus();");
      assertThat(chrome.executeScript("return document.activeElement.closest('dialog') !== null;"))
          .as("the page behind is inert").isEqualTo(true);
      assertThat(chrome.executeScript("const d = document.querySelector('dialog');"
          + "return document.getElementById(d.getAttribute('aria-labelledby')).textContent;"))
          .isEqualTo("Your answers are about to be deleted");
      assertThat(chrome.findElement(By.cssSelector("[data-stp-countdown-spoken]")).getAttribute("textContent"))
          .as("the time left, for screen readers").startsWith("We will delete your answers in ");
      assertThat(chrome.findElement(By.cssSelector("[data-stp-countdown-spoken]")).getAttribute("aria-live")).isEqualTo("polite");
      axe.check(chrome, "timeout warning open");

      Instant before = store.find(sessionId).orElseThrow().updatedAt();
      new org.openqa.selenium.interactions.Actions(chrome).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
      waitForTheWarning(chrome, false);
      new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(10))
          .until(driver -> store.find(sessionId).orElseThrow().updatedAt().isAfter(before));

      waitForTheWarning(chrome, true);
      Instant again = store.find(sessionId).orElseThrow().updatedAt();
      new org.openqa.selenium.interactions.Actions(chrome).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
      waitForTheWarning(chrome, false);
      new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(10))
          .until(driver -> store.find(sessionId).orElseThrow().updatedAt().isAfter(again));
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Are you under 16?");
    }
  }

  @Test
  void everyPageOfSaveAndReturnPassesAxeWithAndWithoutErrors() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/save-and-return.yaml"));
    org.stpkit.testsupport.MovableClock clock = org.stpkit.testsupport.MovableClock.at(Instant.now());
    java.util.List<org.stpkit.forms.spi.ReturnLink> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    // The links name the public address; the browser follows their path on this server.
    FormEngine engine = checkedEngine(form).mountPath("/grant").clock(clock)
        .answerStore(new InMemoryAnswerStore(clock))
        .saveAndReturn(SaveAndReturn.builder(java.net.URI.create("https://grants.example.gov.uk/grant"),
            new org.stpkit.forms.spi.InMemoryProgressStore(), sent::add).maxWrongAnswers(2).build())
        .submissionHandler(submission -> { }).build();
    int before = axe.pages();
    try (JettyFormServer server = new JettyFormServer(engine, FormServlet.of(engine))) {
      String base = server.baseUrl() + "/grant";
      chrome.get(base + "/");
      fill(chrome, Map.of("organisation", "Riverside Rowing Club"));
      continueButton(chrome);
      assertThat(chrome.findElement(By.cssSelector("button[name=saveAndReturn]")).getText())
          .isEqualTo("Save and come back later");
      axe.check(chrome, "question page with save and come back later");
      fill(chrome, Map.of("contactEmail", "club@example.org"));
      clickAndWaitForNextPage(chrome, By.cssSelector("button[name=saveAndReturn]"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/progress/save?from=/contact");
      checkWithAndWithoutErrors(chrome, axe, "save your progress",
          Map.of("email", "jo@example.com", "securityAnswer", "Mill Lane"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/progress/saved");
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Your progress has been saved");
      axe.check(chrome, "progress saved");

      String link = base + sent.get(0).url().substring("https://grants.example.gov.uk/grant".length());
      chrome.manage().deleteAllCookies();
      chrome.get(link);
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Continue your application");
      checkWithAndWithoutErrors(chrome, axe, "return link with its security question",
          Map.of("securityAnswer", "mill lane"));
      assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/contact");
      assertThat(chrome.findElement(By.id("contactEmail")).getAttribute("value")).isEqualTo("club@example.org");

      chrome.get(link);
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("This link has already been used");
      axe.check(chrome, "return link already used");
      chrome.get(base + "/return/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
      axe.check(chrome, "return link unknown");

      chrome.get(base + "/contact");
      fill(chrome, Map.of("contactEmail", "club@example.org"));
      clickAndWaitForNextPage(chrome, By.cssSelector("button[name=saveAndReturn]"));
      fill(chrome, Map.of("email", "jo@example.com", "securityAnswer", "Mill Lane"));
      continueButton(chrome);
      String second = base + sent.get(1).url().substring("https://grants.example.gov.uk/grant".length());
      chrome.get(second);
      for (String wrong : java.util.List.of("Mill Road", "Mill Street")) {
        fill(chrome, Map.of("securityAnswer", wrong));
        continueButton(chrome);
      }
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot use this link");
      axe.check(chrome, "return link refused after wrong answers");

      chrome.get(base + "/organisation");
      fill(chrome, Map.of("organisation", "Riverside Rowing Club"));
      clickAndWaitForNextPage(chrome, By.cssSelector("button[name=saveAndReturn]"));
      fill(chrome, Map.of("email", "jo@example.com", "securityAnswer", "Mill Lane"));
      continueButton(chrome);
      clock.advance(Duration.ofDays(28));
      chrome.get(base + sent.get(2).url().substring("https://grants.example.gov.uk/grant".length()));
      assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
      axe.check(chrome, "return link expired");
    }
    assertThat(axe.pages() - before).isEqualTo(10);
  }

  /** The long list of rivers is a select the engine's script has made an accessible-autocomplete. */
  private static void chooseFromTheAutocomplete(ChromeDriver chrome, AxeReport axe) {
    org.openqa.selenium.WebElement input = chrome.findElement(By.cssSelector("input#homeRiver"));
    assertThat(input.getAttribute("role")).isEqualTo("combobox");
    input.sendKeys("twe");
    new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(10)).until(driver ->
        driver.findElements(By.cssSelector("#homeRiver__listbox li")).stream().anyMatch(li -> li.getText().equals("Tweed")));
    axe.check(chrome, "/contact with the autocomplete's suggestions open");
    input.sendKeys(org.openqa.selenium.Keys.DOWN);
    assertThat(chrome.switchTo().activeElement().getText()).as("the arrow key moves to the first suggestion").isEqualTo("Tweed");
    chrome.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(10)).until(driver ->
        "tweed".equals(((ChromeDriver) driver).executeScript("return document.querySelector('select[name=homeRiver]').value;")));
  }

  private static void waitForTheWarning(ChromeDriver chrome, boolean open) {
    new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(20)).until(driver ->
        Boolean.valueOf(open).equals(((ChromeDriver) driver).executeScript("return document.querySelector('dialog').open;")));
  }

  private static void checkWithAndWithoutErrors(ChromeDriver chrome, AxeReport axe, String page, Map<String, String> answers) {
    checkWithAndWithoutErrors(chrome, axe, page, answers, "Error: ");
  }

  private static void checkWithAndWithoutErrors(ChromeDriver chrome, AxeReport axe, String page, Map<String, String> answers,
      String errorTitle) {
    axe.check(chrome, page);
    // A page of optional questions only has errors for answers in the wrong form.
    if (page.equals("/fee")) {
      fill(chrome, Map.of("donation", "twelve pounds"));
    }
    continueButton(chrome);
    assertThat(chrome.findElements(By.cssSelector(".govuk-error-summary"))).as(page + " shows errors").isNotEmpty();
    assertThat(chrome.getTitle()).startsWith(errorTitle);
    axe.check(chrome, page + " with errors");
    fill(chrome, answers);
    continueButton(chrome);
    assertThat(chrome.findElements(By.cssSelector(".govuk-error-summary"))).as(page + " accepted").isEmpty();
  }

  /** Clicks the form's button and waits for the next page: a click does not wait for the navigation it starts. */
  private static void continueButton(ChromeDriver chrome) {
    clickAndWaitForNextPage(chrome, By.cssSelector("form .govuk-button"));
  }

  private static void clickAndWaitForNextPage(ChromeDriver chrome, By button) {
    // A mark on the current document: it is gone once the browser has loaded the next one.
    chrome.executeScript("window.stpPreviousPage = true;");
    chrome.findElement(button).click();
    new org.openqa.selenium.support.ui.WebDriverWait(chrome, java.time.Duration.ofSeconds(10))
        .until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
            "return window.stpPreviousPage === undefined && document.readyState === 'complete';")));
  }

  /** Sets fields by name: checks the radio or checkbox with the value, or sets the input's value. */
  private static void fill(ChromeDriver chrome, Map<String, String> fields) {
    fields.forEach((name, value) -> chrome.executeScript(
        "const inputs = document.getElementsByName(arguments[0]);"
            + "for (const input of inputs) {"
            + "  if (input.type === 'radio' || input.type === 'checkbox') { input.checked = input.value === arguments[1]; }"
            + "  else { input.value = arguments[1]; }"
            + "}", name, value));
  }
}

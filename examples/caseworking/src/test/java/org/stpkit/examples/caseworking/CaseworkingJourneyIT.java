package org.stpkit.examples.caseworking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.UserPlan;
import org.stpkit.idam.UserProfileDeclaration;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.spring.idam.IdamReconciliation;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;
import org.stpkit.testsupport.KeycloakServer;

/**
 * The service as its users meet it, in headless Chromium: a citizen applies (an error on the way,
 * a change from check your answers), gets a reference and, in the Notify simulator, the
 * confirmation email; a caseworker from the sample HR feed, provisioned into Keycloak by the
 * service's own joiners-movers-leavers run, signs in through Keycloak and records the milestones up
 * to a decision; the applicant's messages show as delivered on the case page once the simulator's
 * delivery receipts arrive; and after a run that makes the caseworker a leaver, their session no
 * longer works. Every page the browser visits is checked with axe-core; the findings are written
 * to target/accessibility-report.json.
 *
 * <p>One Keycloak (the distribution the build unpacks, the example's realm imported) and one
 * Chromium for the module's run; the service runs in this JVM on a free port, with its embedded
 * defaults (H2, in-memory sessions, the Notify simulator) and Keycloak's address.
 */
class CaseworkingJourneyIT {
  private static final String CLIENT_SECRET = "caseworking-secret-for-tests";
  private static final String IDAM_SECRET = "stp-idam-secret-for-tests";
  private static final String PASSWORD = "Caseworker-password-1";
  private static final Duration WAIT = Eventually.TIMEOUT;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ChromeDriver chrome;
  private static AxeReport axe;
  private static KeycloakServer keycloak;
  private static ConfigurableApplicationContext service;
  private static String base;
  private static Path feed;

  @BeforeAll
  static void startKeycloakTheServiceAndChromium() throws Exception {
    chrome = Chromium.start();
    axe = new AxeReport();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    // The realm file's placeholders: the clients' secrets, and where the service is (for redirects and back-channel logout).
    keycloak = KeycloakServer.start("/keycloak/caseworking-realm.json", "caseworking", Map.of(
        "CASEWORKING_CLIENT_SECRET", CLIENT_SECRET, "STP_IDAM_CLIENT_SECRET", IDAM_SECRET,
        "CASEWORKING_SERVICE_URL", base));
    // What a realm administrator does once (README, "Running it"): declare the HR attributes in the user profile.
    UserProfileDeclaration.apply(
        KeycloakConnection.adminPassword(keycloak.baseUrl(), "caseworking", "master", KeycloakServer.ADMIN,
            KeycloakServer.ADMIN_PASSWORD),
        AccessPolicy.parse(Eventually.resource("/staff/access-policy.yaml"), "staff/access-policy.yaml"));

    Path work = Files.createDirectories(Path.of(System.getProperty("stp.reportDir", "target"), "caseworking-it"));
    feed = work.resolve("hr-feed.csv");
    Files.writeString(feed, Eventually.resource("/staff/hr-feed.csv"));
    service = new SpringApplicationBuilder(CaseworkingApplication.class).run(
            // Command-line arguments: they take precedence over application.yaml, as an operator's would.
            "--server.port=" + port,
            "--spring.main.banner-mode=off",
            "--stp.idam.keycloak.server-url=" + keycloak.baseUrl(),
            "--stp.idam.keycloak.client-secret=" + CLIENT_SECRET,
            "--stp.idam.reconcile.enabled=true",
            "--stp.idam.reconcile.feed=file:" + feed.toAbsolutePath(),
            "--stp.idam.reconcile.client-secret=" + IDAM_SECRET,
            "--stp.idam.reconcile.audit-log=" + work.resolve("idam-audit.jsonl").toAbsolutePath(),
            // The test runs joiners, movers and leavers itself, when the journey needs them.
            "--stp.idam.reconcile.initial-delay=1h",
            // Delivered only by the simulator's receipts: no status polling while the test runs.
            "--stp.notify.status-poll-after=1h");
  }

  @AfterAll
  static void stopEverythingAndWriteTheReport() throws Exception {
    try {
      if (chrome != null) {
        chrome.quit();
      }
      if (service != null) {
        service.close();
      }
    } finally {
      if (keycloak != null) {
        keycloak.close();
      }
    }
    if (axe != null && axe.pages() > 0) {
      Path report = axe.write("accessibility-report.json");
      assertThat(axe.violations()).as("axe violations (see %s)", report).isEmpty();
    }
  }

  @Test
  void aCitizenAppliesACaseworkerDecidesAndALeaverLosesAccess() throws Exception {
    String reference = citizenApplies();
    provisionStaffFromTheHrFeed();
    caseworkerSignsInAndDecides(reference);
    leaverLosesAccess();
    operationsSeeItInHealthAndMetrics();
    assertThat(axe.pages()).isGreaterThanOrEqualTo(20);
  }

  /** The citizen's journey, with an error and a change from check your answers; the reference from the confirmation. */
  private static String citizenApplies() {
    chrome.get(base + "/");
    assertThat(heading()).isEqualTo("Apply to extend your permission to stay");
    axe.check(chrome, "start page");
    clickAndWaitForNextPage(By.cssSelector(".govuk-button--start"));

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/name");
    axe.check(chrome, "apply: name");
    continueButton();
    assertThat(chrome.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("There is a problem");
    assertThat(chrome.getTitle()).startsWith("Error: ");
    axe.check(chrome, "apply: name with an error");
    type("fullName-given", "Jo");
    type("fullName-family", "Bloggs");
    continueButton();

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/date-of-birth");
    axe.check(chrome, "apply: date of birth");
    type("dateOfBirth-day", "27");
    type("dateOfBirth-month", "3");
    type("dateOfBirth-year", "1990");
    continueButton();

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/permission");
    axe.check(chrome, "apply: permission");
    choose("permissionType", "student");
    continueButton();

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/expiry");
    axe.check(chrome, "apply: expiry");
    LocalDate expiry = LocalDate.now(ZoneId.of("Europe/London")).plusMonths(3);
    type("permissionExpires-day", Integer.toString(expiry.getDayOfMonth()));
    type("permissionExpires-month", Integer.toString(expiry.getMonthValue()));
    type("permissionExpires-year", Integer.toString(expiry.getYear()));
    continueButton();

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/email");
    axe.check(chrome, "apply: email");
    type("email", "jo.bloggs@example.com");
    continueButton();

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/reason");
    axe.check(chrome, "apply: reason");
    type("reason", "My course has been extended by a year.");
    continueButton();

    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/check-answers");
    assertThat(main()).contains("jo.bloggs@example.com", "Student");
    axe.check(chrome, "apply: check your answers");
    clickAndWaitForNextPage(By.cssSelector(".govuk-summary-list a[href*='/apply/email']"));
    assertThat(chrome.getCurrentUrl()).startsWith(base + "/apply/email");
    axe.check(chrome, "apply: email, changed from check your answers");
    WebElement email = chrome.findElement(By.name("email"));
    email.clear();
    email.sendKeys("jo.bloggs@example.org");
    continueButton();
    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/check-answers");
    assertThat(main()).contains("jo.bloggs@example.org").doesNotContain("jo.bloggs@example.com");
    axe.check(chrome, "apply: check your answers after a change");

    clickAndWaitForNextPage(By.cssSelector("form .govuk-button"));
    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/apply/confirmation");
    String reference = chrome.findElement(By.cssSelector(".govuk-panel__body strong")).getText().trim();
    assertThat(reference).startsWith("EXT");
    axe.check(chrome, "apply: confirmation");

    NotifySimulator notify = service.getBean(NotifySimulator.class);
    Eventually.until(() -> !emailsTo(notify, "jo.bloggs@example.org").isEmpty(), "the confirmation email in the simulator");
    assertThat(emailsTo(notify, "jo.bloggs@example.org")).singleElement().satisfies(sent -> {
      assertThat(sent.subject()).contains("We have your application " + reference);
      assertThat(sent.body()).contains("Dear Jo", reference);
    });
    return reference;
  }

  /** The service's scheduled joiners-movers-leavers run, run now: the sample feed's staff become Keycloak users. */
  private static void provisionStaffFromTheHrFeed() throws Exception {
    IdamReconciliation.Run run = service.getBean(IdamReconciliation.class).runNow();
    assertThat(run.plan().counts()).containsEntry(UserPlan.Kind.JOINER, 3);
    assertThat(run.result()).get().satisfies(result -> assertThat(result.failures()).isEmpty());
    // What ./stp demo does for its demo logins: the policy sends no emails, so a password is set here.
    JsonNode ada = keycloak.admin("GET", "/caseworking/users?username=ada.lovelace&exact=true", null).get(0);
    assertThat(ada.path("enabled").asBoolean()).isTrue();
    keycloak.admin("PUT", "/caseworking/users/" + ada.path("id").asText() + "/reset-password",
        JSON.writeValueAsString(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
  }

  /** Ada Lovelace, a senior caseworker (decision maker) in the feed: sign-in, the case, three milestones. */
  private static void caseworkerSignsInAndDecides(String reference) {
    chrome.get(base + "/cases");
    assertThat(chrome.getCurrentUrl()).startsWith(keycloak.issuer("caseworking"));
    axe.check(chrome, "Keycloak sign-in");
    signIn("ada.lovelace");

    // Back where sign-in began (Spring Security's request cache may add ?continue).
    assertThat(chrome.getCurrentUrl()).startsWith(base + "/cases");
    assertThat(heading()).isEqualTo("Applications");
    assertThat(main()).contains(reference, "Jo Bloggs", "New");
    assertThat(chrome.findElement(By.cssSelector(".govuk-service-navigation")).getText()).contains("Sign out");
    axe.check(chrome, "cases: applications");

    clickAndWaitForNextPage(By.linkText(reference));
    assertThat(chrome.getCurrentUrl()).isEqualTo(base + "/cases/" + reference);
    assertThat(main()).contains("jo.bloggs@example.org", "Confirmation email");
    axe.check(chrome, "cases: a new application");

    clickAndWaitForNextPage(By.id("received"));
    assertThat(main()).contains("Application received email");
    axe.check(chrome, "cases: received");

    clickAndWaitForNextPage(By.id("book-biometrics"));
    assertThat(chrome.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the date of the biometrics appointment");
    axe.check(chrome, "cases: biometrics with an error");
    LocalDate appointment = LocalDate.now(ZoneId.of("Europe/London")).plusDays(14);
    type("appointment-day", Integer.toString(appointment.getDayOfMonth()));
    type("appointment-month", Integer.toString(appointment.getMonthValue()));
    type("appointment-year", Integer.toString(appointment.getYear()));
    clickAndWaitForNextPage(By.id("book-biometrics"));
    assertThat(main()).contains("Biometrics appointment email");
    axe.check(chrome, "cases: biometrics booked");

    clickAndWaitForNextPage(By.id("record-decision"));
    assertThat(chrome.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Select whether to grant or refuse the application");
    axe.check(chrome, "cases: decision with an error");
    choose("outcome", "granted");
    clickAndWaitForNextPage(By.id("record-decision"));
    assertThat(main()).contains("Decision email", "Decided");

    // The simulator delivers after 1.5 seconds and sends Notify's receipt to /notify/receipts; the page shows it.
    Eventually.until(() -> {
      chrome.navigate().refresh();
      return chrome.findElements(By.cssSelector(".app-message[data-status='DELIVERED']")).size() == 4;
    }, "all four of the applicant's messages shown as delivered", Duration.ofMinutes(2));
    assertThat(chrome.findElements(By.cssSelector(".app-message[data-status='DELIVERED'] h3")))
        .extracting(WebElement::getText)
        .anySatisfy(message -> assertThat(message).contains("Decision email", "Delivered"));
    axe.check(chrome, "cases: decided, messages delivered");

    NotifySimulator notify = service.getBean(NotifySimulator.class);
    assertThat(emailsTo(notify, "jo.bloggs@example.org")).extracting(sent -> sent.subject().orElse(""))
        .contains("A decision on your application " + reference);
    // The simulator counts a receipt once it has the service's answer, a moment after the page can show it.
    Eventually.until(() -> notify.receiptsDelivered() >= 4, "the simulator counted four receipts as delivered",
        Duration.ofSeconds(10));
  }

  /** The feed says Ada has left; the next run disables her, ends her sessions, and the service's session with them. */
  private static void leaverLosesAccess() throws Exception {
    String text = Files.readString(feed);
    Files.writeString(feed, text.replace("Sheffield,2024-04-01,,true", "Sheffield,2024-04-01,,false"));
    IdamReconciliation.Run run = service.getBean(IdamReconciliation.class).runNow();
    assertThat(run.plan().counts()).containsEntry(UserPlan.Kind.LEAVER, 1);
    assertThat(run.result()).get().satisfies(result -> assertThat(result.failures()).isEmpty());

    chrome.get(base + "/cases");
    assertThat(chrome.getCurrentUrl()).as("the leaver's session no longer opens the casework pages")
        .startsWith(keycloak.issuer("caseworking"));
    signIn("ada.lovelace");
    assertThat(chrome.getCurrentUrl()).as("Keycloak refuses the disabled account").startsWith(keycloak.issuer("caseworking"));
    assertThat(chrome.findElements(By.id("password"))).as("the sign-in form shown again").isNotEmpty();
  }

  /** Actuator's view of the same run: the parts healthy, a submission, a leaver. */
  private static void operationsSeeItInHealthAndMetrics() throws Exception {
    JsonNode health = actuator("/actuator/health");
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("notifyOutbox").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("keycloak").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("notify").path("status").asText()).isEqualTo("UP");
    // Metrics are not public (the service's security lets only health through): read from its registry.
    MeterRegistry meters = service.getBean(MeterRegistry.class);
    assertThat(meters.get("stp.forms.submissions").tag("form", "apply-to-extend").tag("outcome", "sent").counter().count())
        .isEqualTo(1.0);
    assertThat(meters.get("stp.forms.page.render").tag("form", "apply-to-extend").timers()).isNotEmpty();
    assertThat(meters.get("stp.idam.jml.people").tag("kind", "leaver").counter().count()).isEqualTo(1.0);
    assertThat(meters.get("stp.idam.jml.people").tag("kind", "joiner").counter().count()).isEqualTo(3.0);
    assertThat(meters.get("stp.notify.messages").tag("status", "delivered").gauge()).isNotNull();
  }

  private static JsonNode actuator(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void signIn(String username) {
    new WebDriverWait(chrome, WAIT).until(driver -> !driver.findElements(By.id("username")).isEmpty());
    WebElement user = chrome.findElement(By.id("username"));
    user.clear();
    user.sendKeys(username);
    chrome.findElement(By.id("password")).sendKeys(PASSWORD);
    clickAndWaitForNextPage(By.id("kc-login"));
  }

  private static List<SimulatedNotification> emailsTo(NotifySimulator notify, String email) {
    return notify.notifications().stream().filter(sent -> sent.recipient().equals(email)).toList();
  }

  private static String heading() {
    return chrome.findElement(By.tagName("h1")).getText().trim();
  }

  private static String main() {
    return chrome.findElement(By.tagName("main")).getText();
  }

  private static void type(String name, String value) {
    WebElement input = chrome.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  /** Clicks a radio's label, as a person does (govuk-frontend draws the radio over its hidden input). */
  private static void choose(String name, String value) {
    WebElement radio = chrome.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    chrome.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
  }

  private static void continueButton() {
    clickAndWaitForNextPage(By.cssSelector("form .govuk-button"));
  }

  private static void clickAndWaitForNextPage(By button) {
    // A mark on the current document: it is gone once the browser has loaded the next one.
    chrome.executeScript("window.stpPreviousPage = true;");
    chrome.findElement(button).click();
    new WebDriverWait(chrome, WAIT).until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
        "return window.stpPreviousPage === undefined && document.readyState === 'complete';")));
  }


}

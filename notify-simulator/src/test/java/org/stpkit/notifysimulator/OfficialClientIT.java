package org.stpkit.notifysimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendLetterResponse;
import uk.gov.service.notify.SendSmsResponse;
import uk.gov.service.notify.Template;
import uk.gov.service.notify.TemplatePreview;

/** The simulator's fidelity, proven with GOV.UK Notify's official Java client: sends, gets, lists and every error path. */
class OfficialClientIT {
  static final SimulatedTemplate EMAIL = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL,
      "Decision made", Optional.of("Your application ((reference))"), "Dear ((name)),\n\nWe have decided.((urgent??\nAct now.))", 3);
  static final SimulatedTemplate SMS = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.SMS,
      "Reminder", Optional.empty(), "Hi ((name)), your appointment is on ((date)).", 1);
  static final SimulatedTemplate LETTER = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.LETTER,
      "Decision letter", Optional.of("Your decision"), "Dear ((name)), we have decided.", 2);

  private NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(EMAIL, SMS, LETTER))
      .withTeamMembers(List.of("team@example.gov.uk"), List.of("07700 900 111")));

  @AfterEach
  void stop() {
    notify.close();
  }

  private NotificationClient client(KeyType type) {
    return new NotificationClient(notify.apiKey(type), notify.baseUrl());
  }

  @Test
  void sendsAnEmailAndGetsItBack() throws Exception {
    SendEmailResponse sent = client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com",
        Map.of("name", "Jo", "reference", "HO-1234", "urgent", "yes"), "HO-1234-decision");

    assertThat(sent.getReference()).contains("HO-1234-decision");
    assertThat(sent.getSubject()).isEqualTo("Your application HO-1234");
    assertThat(sent.getBody()).isEqualTo("Dear Jo,\n\nWe have decided.\nAct now.");
    assertThat(sent.getTemplateId()).isEqualTo(UUID.fromString(EMAIL.id()));
    assertThat(sent.getTemplateVersion()).isEqualTo(3);
    assertThat(sent.getFromEmail()).isPresent();

    Notification got = client(KeyType.LIVE).getNotificationById(sent.getNotificationId().toString());
    assertThat(got.getStatus()).isEqualTo("delivered");
    assertThat(got.getEmailAddress()).contains("jo@example.com");
    assertThat(got.getNotificationType()).isEqualTo("email");
    assertThat(got.getReference()).contains("HO-1234-decision");
    assertThat(got.getCompletedAt()).isPresent();
    assertThat(notify.countByReference("HO-1234-decision")).isEqualTo(1);
  }

  @Test
  void sendsATextMessageToAUkMobileInAnyCommonForm() throws Exception {
    for (String number : List.of("07700 900 123", "+447700900123", "(0)7700-900-123", "447700900123")) {
      SendSmsResponse sent = client(KeyType.LIVE).sendSms(SMS.id(), number, Map.of("name", "Jo", "date", "1 May"), null);
      assertThat(sent.getBody()).isEqualTo("Hi Jo, your appointment is on 1 May.");
      assertThat(sent.getFromNumber()).isPresent();
    }
  }

  @Test
  void sendsALetterToAnAddressFromPersonalisation() throws Exception {
    Map<String, Object> personalisation = new HashMap<>();
    personalisation.put("name", "Jo");
    personalisation.put("address_line_1", "Jo Bloggs");
    personalisation.put("address_line_2", "1 High Street");
    personalisation.put("address_line_3", "SW1A 1AA");
    SendLetterResponse sent = client(KeyType.LIVE).sendLetter(LETTER.id(), personalisation, "HO-1234-letter");
    assertThat(sent.getSubject()).isEqualTo("Your decision");

    Notification got = client(KeyType.LIVE).getNotificationById(sent.getNotificationId().toString());
    assertThat(got.getNotificationType()).isEqualTo("letter");
    assertThat(got.getLine1()).contains("Jo Bloggs");
    assertThat(got.getPostcode()).contains("SW1A 1AA");
    assertThat(got.getStatus()).isEqualTo("received");
  }

  @Test
  void listsByReferenceStatusAndTypeWithPaging() throws Exception {
    NotificationClient client = client(KeyType.LIVE);
    for (int i = 0; i < 260; i++) {
      client.sendEmail(EMAIL.id(), "jo@example.com", Map.of("name", "Jo", "reference", "x", "urgent", "no"), "bulk-" + (i % 2));
    }
    client.sendEmail(EMAIL.id(), "perm-fail@simulator.notify", Map.of("name", "Jo", "reference", "x", "urgent", "no"), "failing");
    client.sendSms(SMS.id(), "07700900123", Map.of("name", "Jo", "date", "1 May"), "bulk-0");

    NotificationList first = client.getNotifications(null, null, null, null);
    assertThat(first.getNotifications()).hasSize(250);
    assertThat(first.getNextPageLink()).isPresent();
    String lastId = first.getNotifications().get(249).getId().toString();
    NotificationList second = client.getNotifications(null, null, null, lastId);
    assertThat(second.getNotifications()).hasSize(12);
    assertThat(second.getNextPageLink()).isEmpty();

    assertThat(client.getNotifications(null, "email", "bulk-0", null).getNotifications()).hasSize(130);
    assertThat(client.getNotifications(null, "sms", "bulk-0", null).getNotifications()).hasSize(1);
    assertThat(client.getNotifications("permanent-failure", null, null, null).getNotifications())
        .singleElement().satisfies(n -> assertThat(n.getReference()).contains("failing"));
    assertThat(client.getNotifications("failed", null, null, null).getNotifications()).hasSize(1);
    // Test keys see only test messages, as in Notify.
    assertThat(client(KeyType.TEST).getNotifications(null, null, null, null).getNotifications()).isEmpty();
  }

  @Test
  void getsAndPreviewsTemplates() throws Exception {
    Template template = client(KeyType.LIVE).getTemplateById(EMAIL.id());
    assertThat(template.getName()).isEqualTo("Decision made");
    assertThat(template.getTemplateType()).isEqualTo("email");
    assertThat(template.getSubject()).contains("Your application ((reference))");
    assertThat(template.getPersonalisation()).hasValueSatisfying(p -> assertThat(p).containsKeys("name", "reference", "urgent"));

    TemplatePreview preview = client(KeyType.LIVE).generateTemplatePreview(EMAIL.id(),
        Map.of("name", "Jo", "reference", "HO-1", "urgent", "no"));
    assertThat(preview.getBody()).isEqualTo("Dear Jo,\n\nWe have decided.");
    assertThat(preview.getSubject()).contains("Your application HO-1");
  }

  @Test
  void simulatorRecipientsFailAsNotifysDo() throws Exception {
    NotificationClient client = client(KeyType.TEST);
    Map<String, Object> email = Map.of("name", "Jo", "reference", "x", "urgent", "no");
    Map<String, Object> sms = Map.of("name", "Jo", "date", "1 May");
    assertThat(status(client, client.sendEmail(EMAIL.id(), "temp-fail@simulator.notify", email, null).getNotificationId()))
        .isEqualTo("temporary-failure");
    assertThat(status(client, client.sendEmail(EMAIL.id(), "perm-fail@simulator.notify", email, null).getNotificationId()))
        .isEqualTo("permanent-failure");
    assertThat(status(client, client.sendSms(SMS.id(), "07700900003", sms, null).getNotificationId()))
        .isEqualTo("temporary-failure");
    assertThat(status(client, client.sendSms(SMS.id(), "07700900002", sms, null).getNotificationId()))
        .isEqualTo("permanent-failure");
    assertThat(status(client, client.sendSms(SMS.id(), "07700900123", sms, null).getNotificationId()))
        .isEqualTo("delivered");
  }

  @Test
  void liveMessagesMoveThroughTheStatuses() throws Exception {
    notify.close();
    notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(EMAIL)).withDeliveryDelay(Duration.ofMillis(600)));
    NotificationClient client = client(KeyType.LIVE);
    String id = client.sendEmail(EMAIL.id(), "jo@example.com", Map.of("name", "Jo", "reference", "x", "urgent", "no"), null)
        .getNotificationId().toString();
    assertThat(client.getNotificationById(id).getStatus()).isEqualTo("created");
    Thread.sleep(350);
    assertThat(client.getNotificationById(id).getStatus()).isEqualTo("sending");
    Thread.sleep(400);
    assertThat(client.getNotificationById(id).getStatus()).isEqualTo("delivered");
  }

  @Test
  void answersNotifysErrorsForBadSends() {
    NotificationClient live = client(KeyType.LIVE);
    Map<String, Object> email = Map.of("name", "Jo", "reference", "x", "urgent", "no");
    assertError(() -> live.sendEmail(EMAIL.id(), "jo@example.com", Map.of("name", "Jo"), null),
        400, "BadRequestError", "Missing personalisation: reference, urgent");
    assertError(() -> live.sendEmail(UUID.randomUUID().toString(), "jo@example.com", email, null),
        400, "BadRequestError", "Template not found");
    assertError(() -> live.sendSms(EMAIL.id(), "07700900123", email, null),
        400, "BadRequestError", "email template is not suitable for sms notification");
    assertError(() -> live.sendEmail(EMAIL.id(), "jo@example", email, null),
        400, "ValidationError", "email_address Not a valid email address");
    assertError(() -> live.sendSms(SMS.id(), "01632 960 001", Map.of("name", "Jo", "date", "x"), null),
        400, "ValidationError", "phone_number Not a UK mobile number");
    assertError(() -> live.sendSms(SMS.id(), "07700 90012", Map.of("name", "Jo", "date", "x"), null),
        400, "ValidationError", "phone_number Not enough digits");
    assertError(() -> live.sendLetter(LETTER.id(), Map.of("name", "Jo", "address_line_1", "Jo", "address_line_2", "SW1A 1AA"), null),
        400, "ValidationError", "Address must be at least 3 lines");
    assertError(() -> live.sendLetter(LETTER.id(), Map.of("name", "Jo", "address_line_1", "Jo", "address_line_2", "1 High St",
        "address_line_3", "Nowhere"), null), 400, "ValidationError", "Last line of address must be a real UK postcode or another country");
    assertError(() -> live.getNotificationById(UUID.randomUUID().toString()), 404, "NoResultFound", "No result found");
    assertError(() -> live.getNotificationById("not-a-uuid"), 400, "ValidationError", "notification_id is not a valid UUID");
  }

  @Test
  void teamKeysSendOnlyToTheTeamAndNoLetters() throws Exception {
    NotificationClient team = client(KeyType.TEAM);
    Map<String, Object> email = Map.of("name", "Jo", "reference", "x", "urgent", "no");
    team.sendEmail(EMAIL.id(), "TEAM@example.gov.uk", email, null);
    team.sendSms(SMS.id(), "+44 7700 900111", Map.of("name", "Jo", "date", "1 May"), null);
    assertError(() -> team.sendEmail(EMAIL.id(), "someone@example.com", email, null),
        400, "BadRequestError", "Can’t send to this recipient using a team-only API key");
    assertError(() -> team.sendLetter(LETTER.id(), Map.of("name", "Jo", "address_line_1", "Jo", "address_line_2", "1 High St",
        "address_line_3", "SW1A 1AA"), null), 403, "BadRequestError", "Cannot send letters with a team api key");
  }

  @Test
  void checksTheJwtAsNotifyDoes() {
    String unknownSecret = "live-" + notify.config().serviceId() + "-" + UUID.randomUUID();
    assertError(() -> new NotificationClient(unknownSecret, notify.baseUrl()).getTemplateById(EMAIL.id()),
        403, "AuthError", "Invalid token: API key not found");
    String otherService = "live-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    assertError(() -> new NotificationClient(otherService, notify.baseUrl()).getTemplateById(EMAIL.id()),
        403, "AuthError", "Invalid token: service not found");

    notify.close();
    Clock aMinuteAhead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61));
    notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(EMAIL)), "127.0.0.1", 0, aMinuteAhead);
    assertError(() -> client(KeyType.LIVE).getTemplateById(EMAIL.id()),
        403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds");
  }

  @Test
  void refusesRequestsWithoutATokenOrWithUnknownProperties() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/v2/notifications"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.body()).contains("\"AuthError\"", "Unauthorized, authentication token must be provided");

    String token = JwtForTests.token(notify.config().serviceId(), notify.config().apiKeys().get(0).secret(), Instant.now());
    HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/v2/notifications/email"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"template_id\": \"" + EMAIL.id()
            + "\", \"email_address\": \"jo@example.com\", \"colour\": \"blue\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Additional properties are not allowed (colour was unexpected)");
  }

  @Test
  void enforcesTheRateLimitAndDailyLimits() throws Exception {
    notify.close();
    notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(EMAIL)).withRateLimitPerMinute(5)
        .withDailyLimits(new SimulatorConfig.DailyLimits(7, 10, 10)));
    Map<String, Object> email = Map.of("name", "Jo", "reference", "x", "urgent", "no");
    for (int i = 0; i < 5; i++) {
      client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, null);
    }
    assertError(() -> client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, null),
        429, "RateLimitError", "Exceeded rate limit for key type LIVE of 5 requests per 60 seconds");
    // Each key type has its own window; live and team share the day's limit.
    notify.close();
    notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(EMAIL))
        .withDailyLimits(new SimulatorConfig.DailyLimits(2, 10, 10)).withTeamMembers(List.of("jo@example.com"), List.of()));
    client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, null);
    client(KeyType.TEAM).sendEmail(EMAIL.id(), "jo@example.com", email, null);
    assertError(() -> client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, null),
        429, "TooManyRequestsError", "Exceeded send limits (email: 2) for today");
    client(KeyType.TEST).sendEmail(EMAIL.id(), "jo@example.com", email, null);
  }

  @Test
  void injectsFaultsOnDemand() throws Exception {
    Map<String, Object> email = Map.of("name", "Jo", "reference", "x", "urgent", "no");
    notify.faults().serverErrorRate(1);
    assertError(() -> client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, "a"), 500, "Exception", "Internal server error");
    notify.faults().clear().rateLimitRate(1);
    assertError(() -> client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, "b"), 429, "RateLimitError", "Exceeded rate limit");
    // Reset, not no-answer: the official client sets no timeouts, so it would wait for ever.
    notify.faults().clear().resetAfterAcceptRate(1);
    assertThatThrownBy(() -> client(KeyType.LIVE).sendEmail(EMAIL.id(), "jo@example.com", email, "dropped"))
        .isInstanceOf(NotificationClientException.class);
    assertThat(notify.countByReference("a")).isZero();
    assertThat(notify.countByReference("b")).isZero();
    // Stored although the client heard nothing. And twice: the JDK's HttpURLConnection under the
    // official client silently resends a POST once when the connection drops (sun.net.http.retryPost),
    // the duplicate the adapter must prevent.
    assertThat(notify.countByReference("dropped")).isEqualTo(2);
    notify.faults().clear();
    assertThat(client(KeyType.LIVE).getNotifications(null, null, "dropped", null).getNotifications()).hasSize(2);
  }

  private static String status(NotificationClient client, UUID id) throws NotificationClientException {
    return client.getNotificationById(id.toString()).getStatus();
  }

  interface Call {
    void run() throws Exception;
  }

  private static void assertError(Call call, int status, String error, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(NotificationClientException.class, e -> {
      assertThat(e.getHttpResult()).isEqualTo(status);
      assertThat(e.getMessage()).contains("\"" + error + "\"", message);
    });
  }
}

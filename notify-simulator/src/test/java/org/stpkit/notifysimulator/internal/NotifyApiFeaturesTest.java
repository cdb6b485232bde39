package org.stpkit.notifysimulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotificationStatus;
import org.stpkit.notifysimulator.SimulatedFile;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.MovableClock;

/**
 * The rest of Notify's API, route by route without HTTP: reply-to addresses and text senders, files
 * by email, letters sent as PDFs and their PDFs, one-click unsubscribe links, received text
 * messages, and several services in one simulator; each with Notify's own errors.
 */
class NotifyApiFeaturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "http://notify.test";
  private static final SimulatedTemplate EMAIL = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL,
      "Decision", Optional.of("Decision on ((reference))"), "Read it at ((link))", 1);
  private static final SimulatedTemplate SMS = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.SMS,
      "Code", Optional.empty(), "Your code is ((code))", 1);
  private static final SimulatedTemplate LETTER = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.LETTER,
      "Decision letter", Optional.of("Your decision"), "Dear ((name)), we have decided.", 1);
  private static final String REPLY_TO = "6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02";
  private static final String SENDER = "7b1f4d2e-9a3c-4e8f-8d6b-2c4e6a8f0b13";
  private static final byte[] PDF = "%PDF-1.7\nthe decision letter\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-06-01T10:00:00Z"));
  private final SimulatorConfig config = SimulatorConfig.withTemplates(List.of(EMAIL, SMS, LETTER))
      .withEmailReplyTo(REPLY_TO, "replies@example.gov.uk")
      .withSmsSender(SENDER, "HOMEOFFICE")
      .withService(SimulatedService.withTemplates("security", List.of(SMS)).withInboundNumber("07700900999"));
  private final NotifyApi api = new NotifyApi(config, clock, receipt -> { });

  private NotifyApi.Caller caller(String service, KeyType type) {
    SimulatedService simulated = config.service(service);
    return api.caller(new Authentication.Authenticated(simulated.serviceId(),
        simulated.apiKeys().stream().filter(key -> key.type() == type).findFirst().orElseThrow()));
  }

  private NotifyApi.Caller live() {
    return caller(SimulatedService.DEFAULT, KeyType.LIVE);
  }

  private static JsonNode json(Answer answer) throws Exception {
    return JSON.readTree(answer.body());
  }

  private static void assertError(Answer answer, int status, String error, String message) throws Exception {
    assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    JsonNode body = json(answer);
    assertThat(body.path("status_code").asInt()).isEqualTo(status);
    assertThat(body.path("errors").get(0).path("error").asText()).isEqualTo(error);
    assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo(message);
  }

  private Answer sendEmail(String extra, Object link) throws Exception {
    String body = "{\"template_id\": \"" + EMAIL.id() + "\", \"email_address\": \"jo@example.com\", \"reference\": \"HO-1\","
        + " \"personalisation\": {\"reference\": \"HO-1\", \"link\": " + JSON.writeValueAsString(link) + "}" + extra + "}";
    return api.send(live(), TemplateType.EMAIL, body, BASE);
  }

  private Answer sendSms(NotifyApi.Caller caller, String extra) {
    return api.send(caller, TemplateType.SMS, "{\"template_id\": \"" + SMS.id() + "\", \"phone_number\": \"07700900123\","
        + " \"personalisation\": {\"code\": \"481516\"}" + extra + "}", BASE);
  }

  private static Map<String, Object> file(Object content, Object... options) {
    Map<String, Object> file = new java.util.LinkedHashMap<>();
    file.put("file", content);
    for (int i = 0; i < options.length; i += 2) {
      file.put((String) options[i], options[i + 1]);
    }
    return file;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void aReplyToAddressAndATextSenderOfTheServiceAreTakenAndOthersRefused() throws Exception {
    Answer email = sendEmail(", \"email_reply_to_id\": \"" + REPLY_TO + "\"", "see the letter");
    assertThat(email.status()).isEqualTo(201);
    Answer text = sendSms(live(), ", \"sms_sender_id\": \"" + SENDER + "\"");
    assertThat(json(text).path("content").path("from_number").asText()).isEqualTo("HOMEOFFICE");
    assertThat(json(sendSms(live(), "")).path("content").path("from_number").asText()).isEqualTo("GOVUK");
    assertThat(api.notifications()).extracting(SimulatedNotification::emailReplyToId, SimulatedNotification::smsSenderId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.of(REPLY_TO), Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(Optional.empty(), Optional.of(SENDER)),
            org.assertj.core.groups.Tuple.tuple(Optional.empty(), Optional.empty()));

    String unknown = UUID.randomUUID().toString();
    assertError(sendEmail(", \"email_reply_to_id\": \"" + unknown + "\"", "x"), 400, "BadRequestError",
        "email_reply_to_id " + unknown + " does not exist in database for service id " + config.serviceId());
    assertError(sendSms(live(), ", \"sms_sender_id\": \"" + unknown + "\""), 400, "BadRequestError",
        "sms_sender_id " + unknown + " does not exist in database for service id " + config.serviceId());
    assertError(sendSms(caller("security", KeyType.LIVE), ", \"sms_sender_id\": \"" + SENDER + "\""), 400,
        "BadRequestError", "sms_sender_id " + SENDER + " does not exist in database for service id "
            + config.service("security").serviceId());
    assertError(sendEmail(", \"email_reply_to_id\": \"reply-to\"", "x"), 400, "ValidationError",
        "email_reply_to_id is not a valid UUID");
    assertError(sendSms(live(), ", \"email_reply_to_id\": \"" + REPLY_TO + "\""), 400, "ValidationError",
        "Additional properties are not allowed (email_reply_to_id was unexpected)");
    assertThat(api.notifications()).hasSize(3);
  }

  @Test
  void aFileByEmailIsKeptWithItsOptionsAndItsLinkIsInTheEmail() throws Exception {
    byte[] pdf = PDF;
    Answer sent = sendEmail("", file(base64(pdf), "filename", "decision.pdf", "confirm_email_before_download", false,
        "retention_period", "52 weeks"));
    assertThat(sent.status()).as(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    SimulatedNotification stored = api.notifications().get(0);
    assertThat(stored.files()).containsOnlyKeys("link");
    SimulatedFile received = stored.files().get("link");
    assertThat(received.filename()).contains("decision.pdf");
    assertThat(received.content()).isEqualTo(pdf);
    assertThat(received.confirmEmailBeforeDownload()).isFalse();
    assertThat(received.retentionWeeks()).isEqualTo(52);
    assertThat(received.link()).startsWith(BASE + "/_simulator/files/");
    assertThat(json(sent).path("content").path("body").asText()).isEqualTo("Read it at " + received.link());
    assertThat(stored.personalisation()).containsEntry("link", received.link());
    String id = received.link().substring(received.link().lastIndexOf('/') + 1);
    assertThat(api.file(id)).contains(received);

    sendEmail("", file(base64("what next".getBytes(StandardCharsets.UTF_8))));
    assertThat(api.notifications().get(1).files().get("link")).satisfies(defaults -> {
      assertThat(defaults.filename()).isEmpty();
      assertThat(defaults.confirmEmailBeforeDownload()).isTrue();
      assertThat(defaults.retentionWeeks()).isEqualTo(26);
    });
  }

  @Test
  void filesNotifyWouldRefuseAreRefusedWithItsErrors() throws Exception {
    String small = base64(PDF);
    assertError(sendEmail("", file(small, "retention_period", "79 weeks")), 400, "ValidationError",
        "Unsupported value for retention_period: 79 weeks. Supported periods are from 1 to 78 weeks.");
    assertError(sendEmail("", file(small, "retention_period", "0 weeks")), 400, "ValidationError",
        "Unsupported value for retention_period: 0 weeks. Supported periods are from 1 to 78 weeks.");
    assertError(sendEmail("", file(small, "retention_period", "six months")), 400, "ValidationError",
        "Unsupported value for retention_period: six months. Supported periods are from 1 to 78 weeks.");
    assertError(sendEmail("", file(small, "confirm_email_before_download", "yes")), 400, "ValidationError",
        "Unsupported value for confirm_email_before_download: yes. Use a boolean true or false value.");
    assertError(sendEmail("", file(small, "filename", "decision")), 400, "ValidationError",
        "`filename` must end with a file extension. For example, filename.csv");
    assertError(sendEmail("", file(small, "filename", "x".repeat(97) + ".pdf")), 400, "BadRequestError",
        "`filename` cannot be longer than 100 characters");
    assertError(sendEmail("", file("not base64!")), 400, "BadRequestError", "Document is not base64 encoded");
    assertError(sendEmail("", file(base64(new byte[2 * 1024 * 1024 + 1]), "filename", "big.pdf")), 400,
        "BadRequestError", "File is larger than 2MB");
    Answer exe = sendEmail("", file(small, "filename", "decision.exe"));
    assertThat(exe.status()).isEqualTo(400);
    assertThat(json(exe).path("errors").get(0).path("message").asText())
        .startsWith("Unsupported file type '").contains("Supported types are: ", "'.pdf'");
    assertError(api.send(live(), TemplateType.SMS, "{\"template_id\": \"" + SMS.id() + "\", \"phone_number\":"
        + " \"07700900123\", \"personalisation\": {\"code\": {\"file\": \"" + small + "\"}}}", BASE), 400,
        "BadRequestError", "Can only send a file by email");
    // Exactly 2 MB is allowed, and 78 weeks.
    assertThat(sendEmail("", file(base64(new byte[2 * 1024 * 1024]), "filename", "big.pdf", "retention_period", "78 weeks"))
        .status()).isEqualTo(201);
    assertThat(api.notifications()).hasSize(1);
  }

  @Test
  void aLetterSentAsAPdfIsKeptWithItsPostageAndItsPdfCanBeFetched() throws Exception {
    Answer sent = api.send(live(), TemplateType.LETTER, "{\"reference\": \"HO-1-letter\", \"content\": \"" + base64(PDF)
        + "\", \"postage\": \"first\"}", BASE);
    assertThat(sent.status()).isEqualTo(201);
    JsonNode body = json(sent);
    assertThat(body.path("reference").asText()).isEqualTo("HO-1-letter");
    assertThat(body.path("postage").asText()).isEqualTo("first");
    assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "reference", "postage");
    String id = body.path("id").asText();

    SimulatedNotification letter = api.notifications().get(0);
    assertThat(letter.recipient()).isEqualTo("Provided as PDF");
    assertThat(letter.postage()).contains("first");
    assertThat(letter.letterPdf()).hasValueSatisfying(pdf -> assertThat(pdf).isEqualTo(PDF));
    assertThat(letter.status()).isEqualTo(NotificationStatus.RECEIVED);
    Answer pdf = api.pdf(live(), id);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.body()).isEqualTo(PDF);
    JsonNode status = json(api.status(live(), id, BASE));
    assertThat(status.path("line_1").asText()).isEqualTo("Provided as PDF");
    assertThat(status.path("postage").asText()).isEqualTo("first");
    assertThat(json(api.send(live(), TemplateType.LETTER, "{\"reference\": \"r\", \"content\": \"" + base64(PDF) + "\"}",
        BASE)).path("postage").asText()).isEqualTo("second");
  }

  @Test
  void lettersAsPdfsNotifyWouldRefuseAreRefusedWithItsErrors() throws Exception {
    String pdf = base64(PDF);
    assertError(api.send(live(), TemplateType.LETTER, "{\"reference\": \"r\", \"content\": \""
        + base64("not a pdf".getBytes(StandardCharsets.UTF_8)) + "\"}", BASE), 400, "BadRequestError",
        "Letter content is not a valid PDF");
    assertError(api.send(live(), TemplateType.LETTER, "{\"reference\": \"r\", \"content\": \"a\"}", BASE), 400,
        "BadRequestError", "Cannot decode letter content (invalid base64 encoding)");
    assertError(api.send(live(), TemplateType.LETTER, "{\"content\": \"" + pdf + "\"}", BASE), 400, "ValidationError",
        "reference is a required property");
    // Notify reads an address abroad from the PDF: its API takes only UK postage for one.
    assertError(api.send(live(), TemplateType.LETTER, "{\"reference\": \"r\", \"content\": \"" + pdf
        + "\", \"postage\": \"europe\"}", BASE), 400, "ValidationError", "postage invalid. It must be either first, second or economy.");
    assertError(api.send(live(), TemplateType.LETTER, "{\"reference\": \"r\", \"content\": \"" + pdf
        + "\", \"template_id\": \"" + LETTER.id() + "\"}", BASE), 400, "ValidationError",
        "Additional properties are not allowed (template_id was unexpected)");
    assertError(api.send(caller(SimulatedService.DEFAULT, KeyType.TEAM), TemplateType.LETTER, "{\"reference\": \"r\","
        + " \"content\": \"" + pdf + "\"}", BASE), 403, "BadRequestError", "Cannot send letters with a team api key");
    assertThat(api.notifications()).isEmpty();
  }

  @Test
  void aTemplateLettersPdfHasItsWordsAndOtherNotificationsHaveNone() throws Exception {
    Answer letter = api.send(live(), TemplateType.LETTER, "{\"template_id\": \"" + LETTER.id() + "\", \"personalisation\":"
        + " {\"name\": \"Jo\", \"address_line_1\": \"Jo Bloggs\", \"address_line_2\": \"1 High St\","
        + " \"address_line_3\": \"SW1A 1AA\"}}", BASE);
    Answer pdf = api.pdf(live(), json(letter).path("id").asText());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(LetterPdfs.isPdf(pdf.body())).isTrue();
    assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).contains("(Jo Bloggs)", "(Dear Jo, we have decided.)");

    String email = json(sendEmail("", "x")).path("id").asText();
    assertError(api.pdf(live(), email), 400, "ValidationError", "Notification is not a letter");
    assertError(api.pdf(live(), UUID.randomUUID().toString()), 404, "NoResultFound", "No result found");
    assertError(api.pdf(live(), "letter"), 400, "ValidationError", "id is not a valid UUID");
    assertError(api.pdf(caller("security", KeyType.LIVE), json(letter).path("id").asText()), 404, "NoResultFound",
        "No result found");
  }

  @Test
  void aOneClickUnsubscribeLinkIsKeptAndShownAndMustBeHttps() throws Exception {
    Answer sent = sendEmail(", \"one_click_unsubscribe_url\": \"https://service.example/unsubscribe/abc\"", "x");
    assertThat(json(sent).path("content").path("one_click_unsubscribe_url").asText())
        .isEqualTo("https://service.example/unsubscribe/abc");
    assertThat(api.notifications().get(0).oneClickUnsubscribeUrl()).contains("https://service.example/unsubscribe/abc");
    assertThat(json(api.status(live(), json(sent).path("id").asText(), BASE)).path("one_click_unsubscribe_url").asText())
        .isEqualTo("https://service.example/unsubscribe/abc");
    assertThat(json(sendEmail("", "x")).path("content").path("one_click_unsubscribe_url").isNull()).isTrue();
    assertError(sendEmail(", \"one_click_unsubscribe_url\": \"http://service.example/unsubscribe\"", "x"), 400,
        "ValidationError", "one_click_unsubscribe_url is not a valid https url");
  }

  @Test
  void receivedTextsArePagedNewestFirstAsNotifyPagesThem() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 251; i++) {
      ids.add(api.receiveText(SimulatedService.DEFAULT, "07700900" + String.format("%03d", i), "text " + i).id());
      clock.advance(java.time.Duration.ofSeconds(1));
    }
    api.receiveText("security", "07700900123", "STOP");

    JsonNode first = json(api.receivedTexts(live(), Map.of(), BASE));
    JsonNode texts = first.path("received_text_messages");
    assertThat(texts).hasSize(250);
    assertThat(texts.get(0).path("id").asText()).isEqualTo(ids.get(250));
    assertThat(texts.get(0).path("content").asText()).isEqualTo("text 250");
    assertThat(texts.get(0).path("user_number").asText()).isEqualTo("07700900250");
    assertThat(texts.get(0).path("notify_number").asText()).isEqualTo(SimulatedService.DEFAULT_INBOUND_NUMBER);
    assertThat(texts.get(0).path("service_id").asText()).isEqualTo(config.serviceId());
    assertThat(texts.get(0).path("created_at").asText()).isEqualTo("2026-06-01T10:04:10.000000Z");
    assertThat(first.path("links").path("current").asText()).isEqualTo(BASE + "/v2/received-text-messages");
    assertThat(first.path("links").path("next").asText())
        .isEqualTo(BASE + "/v2/received-text-messages?older_than=" + ids.get(1));

    JsonNode second = json(api.receivedTexts(live(), Map.of("older_than", List.of(ids.get(1))), BASE));
    assertThat(second.path("received_text_messages")).singleElement()
        .satisfies(text -> assertThat(text.path("id").asText()).isEqualTo(ids.get(0)));
    JsonNode last = json(api.receivedTexts(live(), Map.of("older_than", List.of(ids.get(0))), BASE));
    assertThat(last.path("received_text_messages")).isEmpty();
    assertThat(last.path("links").has("next")).isFalse();
    assertThat(json(api.receivedTexts(live(), Map.of("older_than", List.of(UUID.randomUUID().toString())), BASE))
        .path("received_text_messages")).isEmpty();

    JsonNode security = json(api.receivedTexts(caller("security", KeyType.LIVE), Map.of(), BASE));
    assertThat(security.path("received_text_messages")).singleElement().satisfies(text -> {
      assertThat(text.path("content").asText()).isEqualTo("STOP");
      assertThat(text.path("notify_number").asText()).isEqualTo("07700900999");
    });
    assertError(api.receivedTexts(live(), Map.of("older_than", List.of("yesterday")), BASE), 400, "ValidationError",
        "older_than is not a valid UUID");
    assertError(api.receivedTexts(live(), Map.of("user_number", List.of("07700900123")), BASE), 400, "ValidationError",
        "Additional properties are not allowed (user_number was unexpected)");
  }

  @Test
  void eachServiceHasItsOwnTemplatesMessagesAndLimits() throws Exception {
    NotifyApi.Caller security = caller("security", KeyType.LIVE);
    String ours = json(sendSms(live(), "")).path("id").asText();
    String theirs = json(sendSms(security, "")).path("id").asText();

    assertThat(api.notifications()).extracting(SimulatedNotification::service).containsExactly("default", "security");
    assertError(api.status(security, ours, BASE), 404, "NoResultFound", "No result found");
    assertThat(api.status(live(), ours, BASE).status()).isEqualTo(200);
    assertThat(api.status(security, theirs, BASE).status()).isEqualTo(200);
    assertThat(json(api.lookup(security, Map.of(), BASE)).path("notifications")).singleElement()
        .satisfies(item -> assertThat(item.path("id").asText()).isEqualTo(theirs));
    assertError(api.send(security, TemplateType.EMAIL, "{\"template_id\": \"" + EMAIL.id() + "\", \"email_address\":"
        + " \"jo@example.com\", \"personalisation\": {\"reference\": \"x\", \"link\": \"y\"}}", BASE), 400,
        "BadRequestError", "Template not found");
    assertError(api.template(security, EMAIL.id()), 404, "NoResultFound", "No result found");
  }
}

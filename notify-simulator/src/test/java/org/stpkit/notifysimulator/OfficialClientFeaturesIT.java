package org.stpkit.notifysimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.ReceivedTextMessage;
import uk.gov.service.notify.ReceivedTextMessageList;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendSmsResponse;

/**
 * The rest of Notify's API through GOV.UK Notify's official Java client: reply-to addresses, text
 * senders, files by email (the client's {@code prepareUpload}), one-click unsubscribe links, letters
 * sent as PDFs and their PDFs, received text messages, several services; and the simulator's own
 * routes that make a text arrive and serve a file.
 */
class OfficialClientFeaturesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPLY_TO = UUID.randomUUID().toString();
  private static final String SENDER = UUID.randomUUID().toString();
  private static final byte[] PDF = "%PDF-1.4\nthe decision\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
  private static final SimulatedTemplate FILE_EMAIL = new SimulatedTemplate(UUID.randomUUID().toString(),
      TemplateType.EMAIL, "Decision", Optional.of("Your decision"), "Download it: ((link))", 1);

  private final NotifySimulator notify = NotifySimulator.start(
      SimulatorConfig.withTemplates(List.of(OfficialClientIT.EMAIL, OfficialClientIT.SMS, FILE_EMAIL))
          .withEmailReplyTo(REPLY_TO, "replies@example.gov.uk")
          .withSmsSender(SENDER, "HOMEOFFICE")
          .withService(SimulatedService.withTemplates("security", List.of(OfficialClientIT.SMS))));
  private final NotificationClient client = new NotificationClient(notify.apiKey(KeyType.LIVE), notify.baseUrl());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    notify.close();
  }

  @Test
  void aReplyToAddressATextSenderAndAnUnsubscribeLinkArrive() throws Exception {
    SendEmailResponse email = client.sendEmail(OfficialClientIT.EMAIL.id(), "jo@example.com",
        Map.of("name", "Jo", "reference", "HO-1", "urgent", "no"), "HO-1", REPLY_TO,
        URI.create("https://service.example/unsubscribe/abc"));
    SendSmsResponse text = client.sendSms(OfficialClientIT.SMS.id(), "07700900123", Map.of("name", "Jo", "date", "1 May"),
        "HO-1-text", SENDER);

    // Notify's API answers with the link in content.one_click_unsubscribe_url, as the simulator does; the
    // client reads it from the top level, where Notify never puts it, so it is empty against Notify too.
    assertThat(email.getOneClickUnsubscribeURL()).isEmpty();
    assertThat(text.getFromNumber()).contains("HOMEOFFICE");
    assertThat(notify.notifications()).extracting(SimulatedNotification::emailReplyToId, SimulatedNotification::smsSenderId,
        SimulatedNotification::oneClickUnsubscribeUrl).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Optional.of(REPLY_TO), Optional.empty(),
                Optional.of("https://service.example/unsubscribe/abc")),
            org.assertj.core.groups.Tuple.tuple(Optional.empty(), Optional.of(SENDER), Optional.empty()));
    String unknown = UUID.randomUUID().toString();
    assertThatThrownBy(() -> client.sendEmail(OfficialClientIT.EMAIL.id(), "jo@example.com",
        Map.of("name", "Jo", "reference", "HO-1", "urgent", "no"), "HO-1", unknown))
        .isInstanceOfSatisfying(NotificationClientException.class, e -> {
          assertThat(e.getHttpResult()).isEqualTo(400);
          assertThat(e.getMessage()).contains("BadRequestError", "email_reply_to_id " + unknown
              + " does not exist in database for service id " + notify.config().serviceId());
        });
  }

  @Test
  void aFilePreparedByTheClientArrivesWithItsOptionsAndCanBeDownloaded() throws Exception {
    client.sendEmail(FILE_EMAIL.id(), "jo@example.com",
        Map.of("link", NotificationClient.prepareUpload(PDF, "decision.pdf", false, "52 weeks")), "HO-2");

    SimulatedNotification sent = notify.notifications().get(0);
    SimulatedFile file = sent.files().get("link");
    assertThat(file.filename()).contains("decision.pdf");
    assertThat(file.content()).isEqualTo(PDF);
    assertThat(file.confirmEmailBeforeDownload()).isFalse();
    assertThat(file.retentionWeeks()).isEqualTo(52);
    assertThat(sent.body()).isEqualTo("Download it: " + file.link());
    HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(file.link())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(download.body()).isEqualTo(PDF);
  }

  @Test
  void aLetterSentAsAPdfKeepsItsPostageAndItsPdfComesBack() throws Exception {
    LetterResponse letter = client.sendPrecompiledLetterWithInputStream("HO-3-letter", new ByteArrayInputStream(PDF), "first");

    assertThat(letter.getReference()).contains("HO-3-letter");
    assertThat(letter.getPostage()).contains("first");
    assertThat(client.getPdfForLetter(letter.getNotificationId().toString())).isEqualTo(PDF);
    assertThat(client.getNotificationById(letter.getNotificationId().toString()).getPostage()).contains("first");
    assertThatThrownBy(() -> client.sendPrecompiledLetterWithInputStream("HO-3-letter", new ByteArrayInputStream(PDF),
        "europe")).isInstanceOfSatisfying(NotificationClientException.class, e -> {
          assertThat(e.getHttpResult()).isEqualTo(400);
          assertThat(e.getMessage()).contains("ValidationError", "postage invalid. It must be either first, second or economy.");
        });
  }

  @Test
  void textsThatArriveAreReadNewestFirstPageByPageAndEachServiceReadsItsOwn() throws Exception {
    notify.receiveText("07700900111", "first");
    HttpResponse<String> arrived = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl()
            + "/_simulator/received-text-messages"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"07700900222\", \"content\": \"STOP\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(arrived.statusCode()).isEqualTo(201);
    notify.receiveText("security", "07700900333", "not for the default service");

    ReceivedTextMessageList page = client.getReceivedTextMessages(null);
    assertThat(page.getReceivedTextMessages()).extracting(ReceivedTextMessage::getContent).containsExactly("STOP", "first");
    ReceivedTextMessage stop = page.getReceivedTextMessages().get(0);
    assertThat(stop.getId().toString()).isEqualTo(JSON.readTree(arrived.body()).path("id").asText());
    assertThat(stop.getUserNumber()).isEqualTo("07700900222");
    assertThat(stop.getServiceId().toString()).isEqualTo(notify.config().serviceId());
    assertThat(page.getNextPageLink()).isPresent();
    String last = page.getReceivedTextMessages().get(1).getId().toString();
    assertThat(client.getReceivedTextMessages(last).getReceivedTextMessages()).isEmpty();
    NotificationClient security = new NotificationClient(notify.apiKey("security", KeyType.LIVE), notify.baseUrl());
    assertThat(security.getReceivedTextMessages(null).getReceivedTextMessages()).extracting(ReceivedTextMessage::getContent)
        .containsExactly("not for the default service");

    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl()
            + "/_simulator/received-text-messages"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"service\": \"billing\", \"from\": \"07700900222\", \"content\": \"x\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(refused.body()).path("errors").get(0);
    assertThat(error.path("message").asText())
        .isEqualTo("service: No service is named 'billing'; services: default, security");
  }

  @Test
  void aSecondServiceHasItsOwnKeyAndMessages() throws Exception {
    NotificationClient security = new NotificationClient(notify.apiKey("security", KeyType.LIVE), notify.baseUrl());
    String theirs = security.sendSms(OfficialClientIT.SMS.id(), "07700900123", Map.of("name", "Jo", "date", "1 May"), "S-1")
        .getNotificationId().toString();

    assertThat(notify.notifications()).singleElement().satisfies(sent -> assertThat(sent.service()).isEqualTo("security"));
    assertThatThrownBy(() -> client.getNotificationById(theirs))
        .isInstanceOfSatisfying(NotificationClientException.class, e -> assertThat(e.getHttpResult()).isEqualTo(404));
    assertThat(security.getNotificationById(theirs).getReference()).contains("S-1");
  }
}

package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedFile;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import uk.gov.service.notify.NotificationClient;

/**
 * The rest of Notify's API end to end, from a YAML catalogue through the outbox to the Notify
 * simulator over HTTP, each feature checked on the simulator's side as Notify would have it: reply-to
 * addresses and text senders, a file by email (deleted from the outbox once sent), a letter from a
 * PDF, a one-click unsubscribe link, received texts handed over once, two Notify services each with
 * its own key, and a reply-to id Notify does not know failing for good.
 */
class NotifyApiFeaturesIT {
  private static final String REPLY_TO = "6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02";
  private static final String SENDER = "7b1f4d2e-9a3c-4e8f-8d6b-2c4e6a8f0b13";
  private static final String SECURITY_SENDER = "8c2a5e3f-0b4d-4f9a-9e7c-3d5f7a9b1c24";
  private static final String UNKNOWN_REPLY_TO = "9d3b6f4a-1c5e-4a0b-8f8d-4e6a8b0c2d35";
  private static final byte[] PDF = "%PDF-1.7\nthe decision letter\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] GUIDANCE = "What happens next".getBytes(StandardCharsets.UTF_8);

  private static final SimulatedTemplate DECISION = new SimulatedTemplate(UUID.randomUUID().toString(),
      TemplateType.EMAIL, "Decision", Optional.of("Decision on ((reference))"), "Read it: ((decision_link))", 1);
  private static final SimulatedTemplate REMINDER = new SimulatedTemplate(UUID.randomUUID().toString(),
      TemplateType.SMS, "Reminder", Optional.empty(), "Your case ((reference)) needs you", 1);
  private static final SimulatedTemplate CODE = new SimulatedTemplate(UUID.randomUUID().toString(),
      TemplateType.SMS, "Code", Optional.empty(), "Your code is ((code))", 1);

  private static final String CATALOGUE = """
      milestones:
        DECISION_MADE:
          messages:
            - name: decision-email
              channel: email
              template: %s
              recipient: {email: applicant.email}
              personalisation: {reference: caseRef}
              files:
                decision_link: {path: decision.guidance, confirmEmailBeforeDownload: false, retentionWeeks: 52}
              emailReplyToId: %s
              unsubscribeUrl: applicant.unsubscribe
            - name: decision-letter
              channel: letter
              pdf: decision.letterPdf
              postage: first
        REMINDER_DUE:
          messages:
            - name: reminder
              channel: sms
              template: %s
              recipient: {phone: applicant.mobile}
              personalisation: {reference: caseRef}
              smsSenderId: %s
        CODE_REQUESTED:
          service: security
          messages:
            - name: code
              channel: sms
              template: %s
              recipient: {phone: applicant.mobile}
              personalisation: {code: code}
              smsSenderId: %s
              priority: urgent
        WRONG_REPLY_TO:
          messages:
            - name: decision-email
              channel: email
              template: %s
              recipient: {email: applicant.email}
              personalisation: {reference: caseRef}
              files: {decision_link: decision.guidance}
              emailReplyToId: %s
      """.formatted(DECISION.id(), REPLY_TO, REMINDER.id(), SENDER, CODE.id(), SECURITY_SENDER, DECISION.id(),
      UNKNOWN_REPLY_TO);

  private final NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(DECISION, REMINDER))
      .withEmailReplyTo(REPLY_TO, "decisions@example.gov.uk")
      .withSmsSender(SENDER, "HOMEOFFICE")
      .withService(SimulatedService.withTemplates("security", List.of(CODE)).withSmsSender(SECURITY_SENDER, "SECURITY")));
  private final JdbcDataSource outbox = new JdbcDataSource();
  private final List<ReceivedText> handed = new CopyOnWriteArrayList<>();
  private final MilestoneMessenger messenger;

  NotifyApiFeaturesIT() {
    outbox.setURL("jdbc:h2:mem:api-features-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    messenger = MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.fromYaml(CATALOGUE, "features.yaml"))
        .dataSource(outbox)
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .notifyService("security", notify.apiKey("security", KeyType.LIVE), notify.baseUrl())
        .dispatchInBackground(false)                 // every template of both services is checked at build()
        .noQuietHours(Channel.SMS)
        .statusPollAfter(Duration.ofHours(1))
        .onReceivedText(handed::add)
        .build();
  }

  @AfterEach
  void stop() {
    messenger.close();
    notify.close();
  }

  private static CaseData applicant(Map<String, Object> decision) {
    return CaseData.of(Map.of("applicant", Map.of("email", "jo@example.com", "mobile", "07700900123",
        "unsubscribe", "https://service.example/unsubscribe/jo"), "decision", decision, "code", "481516"));
  }

  private SimulatedNotification sent(String messageName, String caseRef) {
    String reference = messenger.timeline(caseRef).stream().filter(entry -> entry.messageName().equals(messageName))
        .findFirst().orElseThrow().notifyReference();
    return notify.notifications().stream().filter(sent -> sent.reference().equals(Optional.of(reference)))
        .findFirst().orElseThrow(() -> new AssertionError(messageName + " never reached Notify"));
  }

  @Test
  void aFileByEmailWithItsReplyToAndUnsubscribeLinkAndALetterFromAPdfArriveAndTheFileLeavesTheOutbox()
      throws Exception {
    messenger.reached("HO-1", "DECISION_MADE", applicant(Map.of("guidance", CaseFile.of("guidance.txt", GUIDANCE),
        "letterPdf", CaseFile.of("decision.pdf", PDF))));
    assertThat(attachmentsInTheOutbox()).isEqualTo(2);

    messenger.dispatchNow();

    SimulatedNotification email = sent("decision-email", "HO-1");
    assertThat(email.emailReplyToId()).contains(REPLY_TO);
    assertThat(email.oneClickUnsubscribeUrl()).contains("https://service.example/unsubscribe/jo");
    SimulatedFile file = email.files().get("decision_link");
    assertThat(file.filename()).contains("guidance.txt");
    assertThat(file.content()).isEqualTo(GUIDANCE);
    assertThat(file.confirmEmailBeforeDownload()).isFalse();
    assertThat(file.retentionWeeks()).isEqualTo(52);
    assertThat(email.body()).isEqualTo("Read it: " + file.link());

    SimulatedNotification letter = sent("decision-letter", "HO-1");
    assertThat(letter.postage()).contains("first");
    assertThat(letter.letterPdf()).hasValueSatisfying(pdf -> assertThat(pdf).isEqualTo(PDF));
    String letterId = messenger.timeline("HO-1").stream().filter(entry -> entry.messageName().equals("decision-letter"))
        .findFirst().orElseThrow().notifyId().orElseThrow();
    assertThat(new NotificationClient(notify.apiKey(KeyType.LIVE), notify.baseUrl()).getPdfForLetter(letterId))
        .isEqualTo(PDF);

    assertThat(messenger.timeline("HO-1")).extracting(TimelineEntry::status).containsOnly(OutboxStatus.SENT);
    assertThat(attachmentsInTheOutbox()).isZero();
  }

  @Test
  void eachServiceSendsItsOwnMessagesWithItsOwnKeyAndTextSender() {
    messenger.reached("HO-2", "REMINDER_DUE", applicant(Map.of()));
    messenger.reached("HO-2", "CODE_REQUESTED", applicant(Map.of()));

    messenger.dispatchNow();

    SimulatedNotification reminder = sent("reminder", "HO-2");
    assertThat(reminder.service()).isEqualTo(SimulatedService.DEFAULT);
    assertThat(reminder.smsSenderId()).contains(SENDER);
    SimulatedNotification code = sent("code", "HO-2");
    assertThat(code.service()).isEqualTo("security");
    assertThat(code.smsSenderId()).contains(SECURITY_SENDER);
    assertThat(code.body()).isEqualTo("Your code is 481516");
    assertThat(notify.notifications()).extracting(SimulatedNotification::service)
        .containsExactlyInAnyOrder(SimulatedService.DEFAULT, "security");
  }

  @Test
  void aTextSentToEachServiceReachesTheHandlerOnceAcrossPolls() {
    notify.receiveText("07700900123", "STOP");
    notify.receiveText("security", "07700900456", "Not me");
    messenger.dispatchNow();
    messenger.dispatchNow();

    assertThat(handed).extracting(ReceivedText::service, ReceivedText::from, ReceivedText::content)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("", "07700900123", "STOP"),
            org.assertj.core.groups.Tuple.tuple("security", "07700900456", "Not me"));

    notify.receiveText("07700900123", "START");
    messenger.dispatchNow();
    assertThat(handed).extracting(ReceivedText::content).containsExactlyInAnyOrder("STOP", "Not me", "START");
    assertThat(messenger.receivedTexts(Instant.EPOCH)).hasSize(3);
  }

  @Test
  void aReplyToIdNotifyDoesNotKnowFailsForGoodWithNotifysReason() {
    messenger.reached("HO-3", "WRONG_REPLY_TO", applicant(Map.of("guidance", CaseFile.of("guidance.txt", GUIDANCE))));

    messenger.dispatchNow();
    messenger.dispatchNow();

    assertThat(messenger.failedMessages()).singleElement().satisfies(failed -> {
      assertThat(failed.caseRef()).isEqualTo("HO-3");
      assertThat(failed.failureType()).isEqualTo("BadRequestError");
      assertThat(failed.failureMessage()).isEqualTo("email_reply_to_id " + UNKNOWN_REPLY_TO
          + " does not exist in database for service id " + notify.config().serviceId());
      assertThat(failed.attempts()).isEqualTo(1);
    });
    assertThat(messenger.timeline("HO-3")).singleElement()
        .satisfies(entry -> assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED));
    assertThat(notify.notifications()).isEmpty();
  }

  private int attachmentsInTheOutbox() throws Exception {
    try (Connection connection = outbox.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM notify_attachment")) {
      result.next();
      return result.getInt(1);
    }
  }
}

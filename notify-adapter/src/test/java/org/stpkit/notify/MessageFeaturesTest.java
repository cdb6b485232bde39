package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;
import org.stpkit.notifyrules.Postage;

/**
 * The rest of Notify's API in the catalogue and the outbox: files by email, letters from PDFs,
 * reply-to addresses, text senders, unsubscribe links, priorities and services — declared in YAML,
 * checked when the catalogue is read, and checked against the case data when a milestone is reached.
 */
class MessageFeaturesTest {
  private static final String EMAIL_TEMPLATE = "0f6c5a10-4b7e-4c8d-9a21-3e5f7b9d1c01";
  private static final String SMS_TEMPLATE = "2b8e7c32-6d9a-4eaf-9c43-5a7b9d1f3e03";
  private static final String REPLY_TO = "6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02";
  private static final String SENDER = "7b1f4d2e-9a3c-4e8f-8d6b-2c4e6a8f0b13";
  private static final byte[] PDF = "%PDF-1.7\nthe decision letter\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

  private static final String CATALOGUE = """
      service: immigration
      milestones:
        DECISION_MADE:
          messages:
            - name: decision-email
              channel: email
              template: %s
              recipient: {email: applicant.email}
              personalisation: {reference: caseRef}
              files:
                decision_link: decision.letter
                guidance_link: {path: decision.guidance, confirmEmailBeforeDownload: false, retentionWeeks: 52}
              emailReplyToId: %s
              unsubscribeUrl: applicant.unsubscribe
            - name: decision-letter
              channel: letter
              pdf: decision.letterPdf
              postage: first
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
      """.formatted(EMAIL_TEMPLATE, REPLY_TO, SMS_TEMPLATE, SENDER);

  private final JdbcDataSource h2 = new JdbcDataSource();

  MessageFeaturesTest() {
    h2.setURL("jdbc:h2:mem:features-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Test
  void everyFeatureIsReadFromTheCatalogue() {
    MilestoneCatalogue catalogue = MilestoneCatalogue.fromYaml(CATALOGUE, "features.yaml");
    MessageSpec email = catalogue.milestone("DECISION_MADE").orElseThrow().messages().get(0);
    assertThat(email.files()).containsExactly(
        Map.entry("decision_link", MessageSpec.FileSpec.at("decision.letter")),
        Map.entry("guidance_link", new MessageSpec.FileSpec("decision.guidance", false, 52)));
    assertThat(email.emailReplyToId()).hasValue(REPLY_TO);
    assertThat(email.unsubscribeUrl()).hasValue("applicant.unsubscribe");
    assertThat(email.priority()).isEqualTo(Priority.NORMAL);
    MessageSpec letter = catalogue.milestone("DECISION_MADE").orElseThrow().messages().get(1);
    assertThat(letter.isPrecompiledLetter()).isTrue();
    assertThat(letter.channels()).containsExactly(Channel.LETTER);
    assertThat(letter.postage()).hasValue(Postage.FIRST);
    Milestone code = catalogue.milestone("CODE_REQUESTED").orElseThrow();
    assertThat(code.messages().get(0).priority()).isEqualTo(Priority.URGENT);
    assertThat(code.messages().get(0).smsSenderId()).hasValue(SENDER);
    assertThat(catalogue.serviceOf(code)).hasValue("security");
    assertThat(catalogue.serviceOf(catalogue.milestone("DECISION_MADE").orElseThrow())).hasValue("immigration");
  }

  @Test
  void misusedFeaturesAreProblemsAtTheirLines() {
    String yaml = """
        milestones:
          M:
            messages:
              - name: text
                channel: sms
                template: %s
                recipient: {phone: mobile}
                files: {link: doc}
                emailReplyToId: not-a-uuid
                priority: soon
              - name: letter
                channel: letter
                pdf: letterPdf
                template: %s
                postage: pigeon
              - name: plain
                channel: email
                template: %s
                recipient: {email: email}
                postage: first
                files: {link: {path: doc, retentionWeeks: 80}}
        """.formatted(SMS_TEMPLATE, SMS_TEMPLATE, EMAIL_TEMPLATE);
    assertThatThrownBy(() -> MilestoneCatalogue.fromYaml(yaml, "m.yaml"))
        .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly(
                "m.yaml:8:16: milestones.M.messages[0].files: files are sent by email: the message's only channel must be email",
                "m.yaml:9:25: milestones.M.messages[0].emailReplyToId: a reply-to address is for email messages",
                "m.yaml:9:25: milestones.M.messages[0].emailReplyToId: 'not-a-uuid' is not a Notify reply-to address id (a UUID)",
                "m.yaml:10:19: milestones.M.messages[0].priority: unknown priority text 'soon'; priorities: urgent, normal",
                "m.yaml:11:9: milestones.M.messages[1].templates: a letter from a PDF has no template: the PDF is the letter",
                "m.yaml:15:18: milestones.M.messages[1].postage: unknown postage text 'pigeon'; postage for a letter from a PDF: first, second, economy",
                "m.yaml:20:18: milestones.M.messages[2].postage: postage is for letters from a PDF; a template letter's postage is set on its template in Notify",
                "m.yaml:21:51: milestones.M.messages[2].files.link.retentionWeeks: Notify keeps a file for 1 to 78 weeks, not 80"));
  }

  @Test
  void filesAndPdfsAreKeptWithTheirMessageInTheOutbox() throws Exception {
    MilestoneMessenger messenger = writer();
    CaseData data = CaseData.of(Map.of(
        "applicant", Map.of("email", "jo@example.com", "unsubscribe", "https://service.example/unsubscribe/abc"),
        "decision", Map.of("letter", CaseFile.of("decision.pdf", PDF), "guidance", CaseFile.of("guidance.txt",
            "what next".getBytes(StandardCharsets.UTF_8)), "letterPdf", PDF)));

    Reached reached = messenger.reached("HO-1", "DECISION_MADE", data);

    assertThat(reached.queued()).extracting(QueuedMessage::messageName).containsExactly("decision-email", "decision-letter");
    try (Connection connection = h2.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT a.placeholder, a.filename, a.confirm_email_before_download,"
            + " a.retention_weeks, o.service, o.email_reply_to_id, o.unsubscribe_url, o.postage FROM notify_attachment a"
            + " JOIN notify_outbox o ON o.id = a.message_id ORDER BY o.message_name, a.placeholder");
        ResultSet result = select.executeQuery()) {
      assertThat(result.next()).isTrue();
      assertThat(row(result)).containsExactly("decision_link", "decision.pdf", "true", "26", "immigration", REPLY_TO,
          "https://service.example/unsubscribe/abc", null);
      assertThat(result.next()).isTrue();
      assertThat(row(result)).containsExactly("guidance_link", "guidance.txt", "false", "52", "immigration", REPLY_TO,
          "https://service.example/unsubscribe/abc", null);
      assertThat(result.next()).isTrue();
      assertThat(row(result)).containsExactly("", "letter.pdf", "false", "0", "immigration", null, null, "first");
      assertThat(result.next()).isFalse();
    }
  }

  @Test
  void filesAndLinksNotifyWouldRefuseAreRefusedWhenTheMilestoneIsReached() {
    MilestoneMessenger messenger = writer();
    CaseData data = CaseData.of(Map.of(
        "applicant", Map.of("email", "jo@example.com", "unsubscribe", "http://service.example/unsubscribe"),
        "decision", Map.of("letter", CaseFile.of("decision.exe", PDF), "letterPdf", "not a pdf".getBytes(StandardCharsets.UTF_8))));

    assertThatThrownBy(() -> messenger.reached("HO-2", "DECISION_MADE", data))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly(
                "decision.letter: Notify would refuse file 'decision.exe': Unsupported file type",
                "decision.guidance: missing; message 'decision-email' sends it as ((guidance_link))",
                "applicant.unsubscribe: 'http://service.example/unsubscribe' is not an https URL, which Notify needs for one-click unsubscribe",
                "decision.letterPdf: not a PDF (a PDF starts with %PDF-): message 'decision-letter' is a letter from it"));
    assertThat(messenger.timeline("HO-2")).isEmpty();
  }

  @Test
  void aCatalogueNamingAServiceWithoutAKeyIsRefusedAtStartUp() {
    assertThatThrownBy(() -> MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.fromYaml(CATALOGUE, "features.yaml"))
        .dataSource(h2)
        .notifyService("immigration", "key-" + UUID.randomUUID() + "-" + UUID.randomUUID(), "http://127.0.0.1:9")
        .checkTemplatesAtStartup(false)
        .dispatch(false)
        .build())
        .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly("milestone catalogue: milestones.CODE_REQUESTED.service: no Notify service 'security' is"
                + " configured; configured: 'immigration'"));
  }

  @Test
  void quietHoursMayRunPastMidnight() {
    QuietHours texts = QuietHours.textsDefault();
    assertThat(texts.contains(LocalTime.of(21, 0))).isTrue();
    assertThat(texts.contains(LocalTime.of(3, 0))).isTrue();
    assertThat(texts.contains(LocalTime.of(8, 0))).isFalse();
    assertThat(texts.contains(LocalTime.of(12, 0))).isFalse();
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
    assertThat(lunch.contains(LocalTime.of(12, 30))).isTrue();
    assertThat(lunch.contains(LocalTime.of(13, 0))).isFalse();
    assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
  }

  private MilestoneMessenger writer() {
    return MilestoneMessenger.builder().catalogue(MilestoneCatalogue.fromYaml(CATALOGUE, "features.yaml"))
        .dataSource(h2).build();
  }

  private static String[] row(ResultSet result) throws Exception {
    String[] row = new String[8];
    for (int i = 0; i < row.length; i++) {
      Object value = result.getObject(i + 1);
      row[i] = value == null ? null : String.valueOf(value);
    }
    return row;
  }
}

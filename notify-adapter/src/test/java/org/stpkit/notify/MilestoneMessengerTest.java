package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;
import org.stpkit.notify.TimelineEntry.EventKind;

/** Reaching milestones into an embedded H2 outbox. */
class MilestoneMessengerTest {
  private final JdbcDataSource h2 = new JdbcDataSource();
  private final MilestoneMessenger messenger;

  MilestoneMessengerTest() {
    h2.setURL("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    messenger = MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/milestones.yaml")))
        .dataSource(h2)
        .build();
  }

  private static CaseData applicant(Map<String, Object> applicant) {
    return CaseData.of(Map.of("applicant", applicant));
  }

  @Test
  void queuesTheMilestonesMessagesOnceOnly() {
    CaseData data = applicant(Map.of("firstName", "Jo", "email", " Jo@Example.com ", "mobile", "+44 7700 900 123",
        "wantsTexts", true));

    Reached first = messenger.reached("HO-1234", "DECISION_MADE", data);
    Reached again = messenger.reached("HO-1234", "DECISION_MADE", data);

    assertThat(first.queued()).extracting(QueuedMessage::messageName, QueuedMessage::channel, QueuedMessage::recipient)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("applicant-decision", Channel.EMAIL, "Jo@Example.com"),
            org.assertj.core.groups.Tuple.tuple("applicant-decision-text", Channel.SMS, "07700900123"));
    assertThat(first.queued()).allSatisfy(message -> assertThat(message.notifyReference()).startsWith("stp-")
        .doesNotContain("Jo", "HO-1234"));
    assertThat(again.queued()).isEmpty();
    assertThat(again.alreadyQueued()).containsExactly("applicant-decision", "applicant-decision-text");
    List<TimelineEntry> timeline = messenger.timeline("HO-1234");
    assertThat(timeline).hasSize(2).allSatisfy(entry -> {
      assertThat(entry.status()).isEqualTo(OutboxStatus.QUEUED);
      assertThat(entry.events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED);
    });
  }

  @Test
  void sendsALetterWhenThereIsNoEmailAndSkipsMessagesWhoseConditionFails() {
    CaseData data = applicant(Map.of("firstName", "Jo", "wantsTexts", false,
        "address", List.of("Jo Bloggs", "1 High Street", "London", "sw1a1aa")));

    Reached reached = messenger.reached("HO-2000", "DECISION_MADE", data);

    assertThat(reached.queued()).singleElement().satisfies(message -> {
      assertThat(message.channel()).isEqualTo(Channel.LETTER);
      assertThat(message.templateId()).isEqualTo("3c9f8d43-7eab-4fb0-8d54-6b8cae204f04");
      assertThat(message.recipient()).isEqualTo("Jo Bloggs");
    });
    assertThat(reached.notApplicable()).containsExactly("applicant-decision-text");
  }

  @Test
  void badCaseDataIsRefusedNamingEveryFieldAndNothingIsQueued() {
    CaseData data = applicant(Map.of("email", "jo@example", "mobile", "01632 960 001", "wantsTexts", "true"));

    assertThatThrownBy(() -> messenger.reached("HO-3000", "DECISION_MADE", data))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, e -> {
          assertThat(e.caseRef()).isEqualTo("HO-3000");
          assertThat(e.problems()).extracting(Problem::toString).containsExactly(
              "applicant.email: 'jo@example' is not a valid email address",
              "applicant.mobile: '01632 960 001' is not a UK mobile number (07 and 9 more digits)");
        });
    assertThatThrownBy(() -> messenger.reached("HO-3001", "APPLICATION_RECEIVED",
        applicant(Map.of("email", "jo@example.com"))))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly("applicant.firstName: missing; message 'applicant-acknowledgement' needs it for ((name))"));
    assertThatThrownBy(() -> messenger.reached("HO-3002", "DECISION_MADE",
        applicant(Map.of("firstName", "Jo", "address", List.of("Jo", "Nowhere")))))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly("applicant.address: a letter address needs at least 3 lines, it has 2"));
    assertThat(messenger.timeline("HO-3000")).isEmpty();
  }

  @Test
  void writesInTheCallersTransactionAndOnlyKeepsWhatCommits() throws Exception {
    CaseData data = applicant(Map.of("firstName", "Jo", "email", "jo@example.com"));
    try (Connection connection = h2.getConnection()) {
      connection.setAutoCommit(false);
      messenger.reached("HO-4000", "APPLICATION_RECEIVED", data, connection);
      connection.rollback();
    }
    assertThat(messenger.timeline("HO-4000")).isEmpty();

    try (Connection connection = h2.getConnection()) {
      connection.setAutoCommit(false);
      messenger.reached("HO-4000", "APPLICATION_RECEIVED", data, connection);
      connection.commit();
    }
    assertThat(messenger.timeline("HO-4000")).hasSize(1);
  }

  @Test
  void anUnknownMilestoneIsAnError() {
    assertThatThrownBy(() -> messenger.reached("HO-5000", "DECISION_MAD", CaseData.of(Map.of())))
        .isInstanceOf(NotifyException.class)
        .hasMessage("Unknown milestone 'DECISION_MAD'; the catalogue has APPLICATION_RECEIVED, DECISION_MADE");
  }
}

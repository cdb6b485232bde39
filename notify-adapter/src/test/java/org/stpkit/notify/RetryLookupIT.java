package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stpkit.notify.TimelineEntry.EventKind;
import org.stpkit.notifysimulator.Faults;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.RequestKind;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * A retry looks its message up in Notify (GET /v2/notifications?reference=) only when an earlier
 * send may have reached it: after a 429, which says Notify did not create it, the retry sends at
 * once; after a 5xx or a lost answer it looks up first. So does the first send after an operator's
 * redrive of a message attempted before, which may have failed after Notify accepted it. Lookups
 * counted at the simulator, on H2 and on PostgreSQL (each records outcomes its own way).
 */
class RetryLookupIT {
  private static final SimulatedTemplate DECISION = new SimulatedTemplate(UUID.randomUUID().toString(),
      TemplateType.EMAIL, "Decision", Optional.of("Decision on ((reference))"), "Dear ((name))", 1);

  enum Database { H2, POSTGRESQL }

  private final NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(DECISION)));
  private PostgresDatabase postgres;
  private DataSource dataSource;
  private MilestoneMessenger messenger;

  @AfterEach
  void stop() throws Exception {
    if (messenger != null) {
      messenger.close();
    }
    notify.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  private MilestoneMessenger messenger(Database database) throws Exception {
    return messenger(database, 4);
  }

  private MilestoneMessenger messenger(Database database, int maxAttempts) throws Exception {
    openDatabase(database);
    return reached(messenger(maxAttempts, KeyType.LIVE, Duration.ofHours(1)), "jo@example.com");
  }

  private MilestoneMessenger reached(MilestoneMessenger messenger, String email) {
    messenger.reached("HO-1", "DECISION_MADE", CaseData.of(Map.of("name", "Jo", "email", email)));
    return messenger;
  }

  private void openDatabase(Database database) throws Exception {
    if (database == Database.POSTGRESQL) {
      postgres = PostgresDatabase.create("notify_retry_lookup");
      dataSource = postgres.dataSource();
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:retry-lookup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      dataSource = h2;
    }
  }

  private MilestoneMessenger messenger(int maxAttempts, KeyType key, Duration statusPollAfter) {
    MilestoneCatalogue catalogue = MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, DECISION.id()).recipient(Channel.EMAIL, "email")
            .personalise("name", "name").personalise("reference", "caseRef")))
        .build();
    messenger = MilestoneMessenger.builder()
        .catalogue(catalogue)
        .dataSource(dataSource)
        .notify(notify.apiKey(key), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .dispatch(true)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .maxAttempts(maxAttempts)
        .statusPollAfter(statusPollAfter)
        .dispatchInBackground(false)
        .build();
    return messenger;
  }

  /** One attempt of the one message, once its backoff (at most 100 ms) has passed. */
  private void attempt(MilestoneMessenger messenger) throws InterruptedException {
    Thread.sleep(250);
    messenger.dispatchNow();
  }

  /**
   * One attempt of the one message under {@code fault}, which leaves it to be retried, then the retry
   * with the fault gone: the message is sent, and Notify holds it once.
   */
  private void failOnceThenRetry(MilestoneMessenger messenger, Consumer<Faults> fault) throws InterruptedException {
    fault.accept(notify.faults());
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.RETRYING);

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.countByReference(entry().notifyReference())).isEqualTo(1);
  }

  private void redriveAll() {
    assertThat(messenger.redrive(messenger.failedMessages().stream().map(FailedMessage::id).toList()))
        .as("redriven").isEqualTo(1);
  }

  private TimelineEntry entry() {
    return messenger.timeline("HO-1").get(0);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterA429SendsAtOnceWithoutALookup(Database database) throws Exception {
    failOnceThenRetry(messenger(database), faults -> faults.rateLimitRate(1));

    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isZero();
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(2);
    assertThat(entry().events()).filteredOn(event -> event.status() == EventKind.RETRYING).singleElement()
        .satisfies(event -> assertThat(event.detail()).hasValueSatisfying(detail -> assertThat(detail)
            .contains("429 RateLimitError").endsWith("without a lookup (Notify did not create it)")));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterA500StillLooksUpFirst(Database database) throws Exception {
    failOnceThenRetry(messenger(database), faults -> faults.serverErrorRate(1));

    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterALostAnswerLooksUpAndFindsTheMessage(Database database) throws Exception {
    failOnceThenRetry(messenger(database), faults -> faults.resetAfterAcceptRate(1));

    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void onlyTheRetryRightAfterA429SkipsTheLookup(Database database) throws Exception {
    MilestoneMessenger messenger = messenger(database);
    notify.faults().rateLimitRate(1);
    attempt(messenger);
    notify.faults().clear().serverErrorRate(1);
    attempt(messenger);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups after a 429").isZero();

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups after the 500 that followed").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryWrittenBeforeNotifyCouldSayItDidNotCreateTheMessageLooksUp(Database database) throws Exception {
    // As a row from before the column, or changed by an older node, reads.
    retryAfterA429WithTheRowRewrittenLooksUp(database, "UPDATE notify_outbox SET not_created_attempt = NULL");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterAnAttemptByAnOlderNodeLooksUp(Database database) throws Exception {
    // An older node (which knows nothing of the column) claimed the retry and lost its answer: it
    // counted the attempt and left the number of the 429's attempt behind.
    retryAfterA429WithTheRowRewrittenLooksUp(database, "UPDATE notify_outbox SET attempts = attempts + 1");
  }

  /** A 429, then the message's row changed by {@code rewrite}: the retry looks the message up after all. */
  private void retryAfterA429WithTheRowRewrittenLooksUp(Database database, String rewrite) throws Exception {
    MilestoneMessenger messenger = messenger(database);
    notify.faults().rateLimitRate(1);
    attempt(messenger);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(rewrite)) {
      assertThat(update.executeUpdate()).isEqualTo(1);
    }

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRedriveOfAMessageGivenUpOnAfterALostAnswerFindsItInNotifyAndSendsNothing(Database database)
      throws Exception {
    MilestoneMessenger messenger = messenger(database, 2);
    notify.faults().serverErrorRate(1);
    attempt(messenger);
    // The last attempt: Notify stores the message, and its answer is lost.
    notify.faults().clear().resetAfterAcceptRate(1);
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(notify.countByReference(entry().notifyReference())).as("in Notify before the redrive").isEqualTo(1);

    notify.faults().clear();
    redriveAll();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups (the retry's and the redrive's)").isEqualTo(2);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(2);
    assertThat(notify.countByReference(entry().notifyReference())).as("in Notify").isEqualTo(1);
    assertThat(entry().notifyId()).contains(notify.notifications().get(0).id());
    assertThat(entry().events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED,
        EventKind.RETRYING, EventKind.FAILED, EventKind.REDRIVEN, EventKind.SENT);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRedriveOfAMessageNotifyNeverCreatedSendsItOnce(Database database) throws Exception {
    MilestoneMessenger messenger = messenger(database, 2);
    notify.faults().serverErrorRate(1);
    attempt(messenger);
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(notify.countByReference(entry().notifyReference())).as("in Notify before the redrive").isZero();

    notify.faults().clear();
    redriveAll();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups (the retry's and the redrive's)").isEqualTo(2);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(3);
    assertThat(notify.countByReference(entry().notifyReference())).as("in Notify").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRedriveOfAMessageNotifyFailedToDeliverSendsANewOne(Database database) throws Exception {
    openDatabase(database);
    // A test key ends a message to this address at once with temporary-failure; the poll records it.
    MilestoneMessenger messenger = reached(messenger(4, KeyType.TEST, Duration.ZERO), "temp-fail@simulator.notify");
    attempt(messenger);
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.FAILED);
    String undelivered = entry().notifyId().orElseThrow();

    redriveAll();
    attempt(messenger);

    // The lookup finds only the notification Notify failed to deliver: a new one is sent.
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(2);
    assertThat(notify.countByReference(entry().notifyReference())).as("in Notify").isEqualTo(2);
    assertThat(entry().notifyId()).isPresent().isNotEqualTo(Optional.of(undelivered));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aMessageOlderCodeRedroveBeforeTheUpgradeLooksUpAfterIt(Database database) throws Exception {
    MilestoneMessenger before = messenger(database, 1);
    notify.faults().resetAfterAcceptRate(1);
    attempt(before);
    assertThat(entry().status()).isEqualTo(OutboxStatus.FAILED);
    before.close();
    messenger = null;
    // Back to the schema before V7, and the redrive older code made: attempts back to 0, nothing
    // else kept but its REDRIVEN event.
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      // Flyway quotes its table's lowercase name, which H2 then keeps as it is.
      sql.executeUpdate("ALTER TABLE notify_outbox DROP COLUMN attempted_before_redrive");
      sql.executeUpdate("ALTER TABLE notify_outbox DROP COLUMN not_created_attempt");
      assertThat(sql.executeUpdate("DELETE FROM \"notify_schema_history\" WHERE \"version\" = '7'")).isEqualTo(1);
      assertThat(sql.executeUpdate("UPDATE notify_outbox SET status = 'QUEUED', attempts = 0,"
          + " next_attempt_at = updated_at, failure_type = NULL, failure_message = NULL")).isEqualTo(1);
      sql.executeUpdate("INSERT INTO notify_event (id, message_id, at, status, detail) SELECT '" + UUID.randomUUID()
          + "', id, updated_at, 'REDRIVEN', 'queued again by an operator' FROM notify_outbox");
    }
    notify.faults().clear();

    messenger(1, KeyType.LIVE, Duration.ofHours(1));
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(1);
    assertThat(notify.countByReference(entry().notifyReference())).as("in Notify").isEqualTo(1);
  }
}

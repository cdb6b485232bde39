package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stpkit.notify.TimelineEntry.EventKind;
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
 * once; after a 5xx or a lost answer it looks up first. Lookups counted at the simulator, on H2 and
 * on PostgreSQL (each records outcomes its own way).
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
    if (database == Database.POSTGRESQL) {
      postgres = PostgresDatabase.create("notify_retry_lookup");
      dataSource = postgres.dataSource();
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:retry-lookup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      dataSource = h2;
    }
    MilestoneCatalogue catalogue = MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, DECISION.id()).recipient(Channel.EMAIL, "email")
            .personalise("name", "name").personalise("reference", "caseRef")))
        .build();
    messenger = MilestoneMessenger.builder()
        .catalogue(catalogue)
        .dataSource(dataSource)
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .dispatch(true)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .maxAttempts(4)
        .statusPollAfter(Duration.ofHours(1))
        .dispatchInBackground(false)
        .build();
    messenger.reached("HO-1", "DECISION_MADE", CaseData.of(Map.of("name", "Jo", "email", "jo@example.com")));
    return messenger;
  }

  /** One attempt of the one message, once its backoff (at most 100 ms) has passed. */
  private void attempt(MilestoneMessenger messenger) throws InterruptedException {
    Thread.sleep(250);
    messenger.dispatchNow();
  }

  private TimelineEntry entry() {
    return messenger.timeline("HO-1").get(0);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterA429SendsAtOnceWithoutALookup(Database database) throws Exception {
    MilestoneMessenger messenger = messenger(database);
    notify.faults().rateLimitRate(1);
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.RETRYING);

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isZero();
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(2);
    assertThat(notify.countByReference(entry().notifyReference())).isEqualTo(1);
    assertThat(entry().events()).filteredOn(event -> event.status() == EventKind.RETRYING).singleElement()
        .satisfies(event -> assertThat(event.detail()).hasValueSatisfying(detail -> assertThat(detail)
            .contains("429 RateLimitError").endsWith("without a lookup (Notify did not create it)")));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterA500StillLooksUpFirst(Database database) throws Exception {
    MilestoneMessenger messenger = messenger(database);
    notify.faults().serverErrorRate(1);
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.RETRYING);

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(2);
    assertThat(notify.countByReference(entry().notifyReference())).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterALostAnswerLooksUpAndFindsTheMessage(Database database) throws Exception {
    MilestoneMessenger messenger = messenger(database);
    notify.faults().resetAfterAcceptRate(1);
    attempt(messenger);
    assertThat(entry().status()).isEqualTo(OutboxStatus.RETRYING);

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
    assertThat(notify.requests(RequestKind.SEND)).as("sends").isEqualTo(1);
    assertThat(notify.countByReference(entry().notifyReference())).isEqualTo(1);
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
    MilestoneMessenger messenger = messenger(database);
    notify.faults().rateLimitRate(1);
    attempt(messenger);
    // As a row from before the column, or changed by an older node, reads.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET not_created_attempt = NULL")) {
      assertThat(update.executeUpdate()).isEqualTo(1);
    }

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aRetryAfterAnAttemptByAnOlderNodeLooksUp(Database database) throws Exception {
    MilestoneMessenger messenger = messenger(database);
    notify.faults().rateLimitRate(1);
    attempt(messenger);
    // An older node (which knows nothing of the column) claimed the retry and lost its answer: it
    // counted the attempt and left the number of the 429's attempt behind.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET attempts = attempts + 1")) {
      assertThat(update.executeUpdate()).isEqualTo(1);
    }

    notify.faults().clear();
    attempt(messenger);

    assertThat(entry().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(notify.requests(RequestKind.LOOKUP)).as("lookups").isEqualTo(1);
  }
}

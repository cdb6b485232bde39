package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stpkit.notify.TimelineEntry.EventKind;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/** The outbox sent to the Notify simulator: outcomes, retries, unknown outcomes, statuses, receipts. */
class DispatchIT {
  private static final SimulatedTemplate DECISION = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL,
      "Decision", Optional.of("Decision on ((reference))"), "Dear ((name))", 1);
  private static final SimulatedTemplate NEEDS_MORE = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL,
      "Needs more", Optional.of("Decision"), "Dear ((name)), ((missing))", 1);

  private final NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(DECISION, NEEDS_MORE)));
  private MilestoneMessenger messenger;

  @AfterEach
  void stop() {
    if (messenger != null) {
      messenger.close();
    }
    notify.close();
  }

  private MilestoneMessenger messenger(boolean scheduled, String templateId) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:dispatch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    MilestoneCatalogue catalogue = MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, templateId).recipient(Channel.EMAIL, "email")
            .personalise("name", "name").personalise("reference", "caseRef")))
        .build();
    messenger = MilestoneMessenger.builder()
        .catalogue(catalogue)
        .dataSource(h2)
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .dispatch(true)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .maxAttempts(3)
        .statusPollAfter(Duration.ZERO)
        .heartbeat(Duration.ofSeconds(1))
        .dispatchInBackground(scheduled)
        .build();
    return messenger;
  }

  private static CaseData jo() {
    return CaseData.of(Map.of("name", "Jo", "email", "jo@example.com"));
  }

  private static String reference(MilestoneMessenger messenger, String caseRef) {
    return messenger.timeline(caseRef).get(0).notifyReference();
  }

  @Test
  void theSchedulerSendsQueuedMessagesAndRecordsTheirDelivery() throws Exception {
    MilestoneMessenger messenger = messenger(true, DECISION.id());
    messenger.reached("HO-1", "DECISION_MADE", jo());

    await(() -> messenger.timeline("HO-1").get(0).status() == OutboxStatus.DELIVERED, () -> messenger.timeline("HO-1").toString());
    TimelineEntry entry = messenger.timeline("HO-1").get(0);
    assertThat(entry.events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED, EventKind.SENT, EventKind.DELIVERED);
    assertThat(entry.notifyId()).isPresent();
    assertThat(notify.countByReference(entry.notifyReference())).isEqualTo(1);
    assertThat(notify.notifications().get(0).subject()).contains("Decision on HO-1");
  }

  @Test
  void aRefusedMessageFailsAtOnceWithNotifysReasonAndCanBeRedriven() {
    MilestoneMessenger messenger = messenger(false, NEEDS_MORE.id());
    messenger.reached("HO-2", "DECISION_MADE", jo());
    messenger.dispatchNow();

    assertThat(messenger.failedMessages()).singleElement().satisfies(failed -> {
      assertThat(failed.caseRef()).isEqualTo("HO-2");
      assertThat(failed.failureType()).isEqualTo("BadRequestError");
      assertThat(failed.failureMessage()).isEqualTo("Missing personalisation: missing");
      assertThat(failed.attempts()).isEqualTo(1);
    });
    assertThat(messenger.stats().failed()).isEqualTo(1);

    assertThat(messenger.redrive(List.of(messenger.failedMessages().get(0).id()))).isEqualTo(1);
    assertThat(messenger.stats().queued()).isEqualTo(1);
    assertThat(messenger.timeline("HO-2").get(0).events()).extracting(TimelineEntry.Event::status)
        .containsExactly(EventKind.QUEUED, EventKind.FAILED, EventKind.REDRIVEN);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenFailed() throws Exception {
    MilestoneMessenger messenger = messenger(false, DECISION.id());
    messenger.reached("HO-3", "DECISION_MADE", jo());
    notify.faults().serverErrorRate(1);
    for (int pass = 0; pass < 3; pass++) {
      messenger.dispatchNow();
      Thread.sleep(150);
    }
    TimelineEntry entry = messenger.timeline("HO-3").get(0);
    assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(entry.events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED, EventKind.RETRYING, EventKind.RETRYING, EventKind.FAILED);
    assertThat(entry.failure()).hasValueSatisfying(failure -> assertThat(failure).startsWith("GaveUp: after 3 attempts")
        .contains("500 Exception: Internal server error"));
    assertThat(notify.countByReference(entry.notifyReference())).isZero();
  }

  @Test
  void anAnswerLostAfterNotifyAcceptedIsLookedUpNotResent() throws Exception {
    MilestoneMessenger messenger = messenger(false, DECISION.id());
    messenger.reached("HO-4", "DECISION_MADE", jo());
    notify.faults().dropAfterAcceptRate(1);
    messenger.dispatchNow();
    assertThat(messenger.timeline("HO-4").get(0).status()).isEqualTo(OutboxStatus.RETRYING);

    notify.faults().clear();
    Thread.sleep(150);
    messenger.dispatchNow();
    TimelineEntry entry = messenger.timeline("HO-4").get(0);
    assertThat(entry.events()).extracting(TimelineEntry.Event::status).contains(EventKind.RETRYING, EventKind.SENT);
    assertThat(entry.events().stream().filter(e -> e.status() == EventKind.SENT).findFirst().orElseThrow().detail())
        .hasValueSatisfying(detail -> assertThat(detail).startsWith("Notify already had it (found by reference"));
    assertThat(notify.countByReference(entry.notifyReference())).isEqualTo(1);
  }

  @Test
  void deliveryReceiptsEndAMessageOnce() {
    MilestoneMessenger messenger = messenger(false, DECISION.id());
    messenger.reached("HO-5", "DECISION_MADE", jo());
    // Sent, with the status poll not yet due.
    messenger.dispatchNow();
    String reference = reference(messenger, "HO-5");

    assertThat(messenger.deliveryReceipt(reference, "permanent-failure") || true).isTrue();
    assertThat(messenger.deliveryReceipt(reference, "delivered")).isTrue();
    assertThat(messenger.deliveryReceipt("stp-unknown", "delivered")).isFalse();
    TimelineEntry entry = messenger.timeline("HO-5").get(0);
    assertThat(entry.events().stream().filter(e -> List.of(EventKind.DELIVERED, EventKind.FAILED).contains(e.status()))).hasSize(1);
  }

  private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 20 s: " + state.get());
      }
      Thread.sleep(50);
    }
  }
}

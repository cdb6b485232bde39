package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/** Urgent messages go before a backlog; texts wait out quiet hours unless urgent (the Notify simulator, H2). */
class PriorityAndQuietHoursIT {
  private static final SimulatedTemplate EMAIL = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL,
      "Update", Optional.of("Update on ((reference))"), "Your case ((reference)) has moved on.", 1);
  private static final SimulatedTemplate SMS = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.SMS,
      "Code", Optional.empty(), "Your code is ((code))", 1);

  private final NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(EMAIL, SMS)));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T22:30:00Z"));
  private MilestoneMessenger messenger;

  @AfterEach
  void stop() {
    if (messenger != null) {
      messenger.close();
    }
    notify.close();
  }

  private MilestoneMessenger messenger(int maxInFlight) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:priority-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    MilestoneCatalogue catalogue = MilestoneCatalogue.builder()
        .milestone("MOVED_ON", milestone -> milestone.message("update", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, EMAIL.id()).recipient(Channel.EMAIL, "email")
            .personalise("reference", "caseRef")))
        .milestone("URGENT_UPDATE", milestone -> milestone.message("update", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, EMAIL.id()).recipient(Channel.EMAIL, "email")
            .personalise("reference", "caseRef").priority(Priority.URGENT)))
        .milestone("REMINDER", milestone -> milestone.message("reminder", message -> message
            .channels(Channel.SMS).template(Channel.SMS, SMS.id()).recipient(Channel.SMS, "mobile")
            .personalise("code", "code")))
        .milestone("CODE_REQUESTED", milestone -> milestone.message("code", message -> message
            .channels(Channel.SMS).template(Channel.SMS, SMS.id()).recipient(Channel.SMS, "mobile")
            .personalise("code", "code").priority(Priority.URGENT)))
        .build();
    messenger = MilestoneMessenger.builder()
        .catalogue(catalogue)
        .dataSource(h2)
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .checkTemplatesAtStartup(false)
        .dispatchInBackground(false)
        .clock(clock)
        .maxInFlight(maxInFlight)
        .build();
    return messenger;
  }

  @Test
  void anUrgentMessageGoesBeforeTheBacklogQueuedEarlier() {
    MilestoneMessenger messenger = messenger(1);
    for (int i = 0; i < 5; i++) {
      messenger.reached("HO-" + i, "MOVED_ON", CaseData.of(Map.of("email", "person" + i + "@example.com")));
      clock.advanceSeconds(1);
    }
    messenger.reached("HO-URGENT", "URGENT_UPDATE", CaseData.of(Map.of("email", "urgent@example.com")));

    messenger.dispatchNow();

    assertThat(notify.notifications()).extracting(SimulatedNotification::recipient).containsExactly(
        "urgent@example.com", "person0@example.com", "person1@example.com", "person2@example.com",
        "person3@example.com", "person4@example.com");
  }

  @Test
  void textsWaitOutQuietHoursUnlessUrgentAndEmailsGoAtAnyHour() {
    MilestoneMessenger messenger = messenger(8);
    CaseData data = CaseData.of(Map.of("email", "jo@example.com", "mobile", "07700900123", "code", "481516"));
    messenger.reached("HO-1", "REMINDER", data);
    clock.advanceSeconds(1);
    messenger.reached("HO-1", "CODE_REQUESTED", data);
    clock.advanceSeconds(1);
    messenger.reached("HO-1", "MOVED_ON", data);

    messenger.dispatchNow();
    assertThat(messenger.timeline("HO-1")).extracting(TimelineEntry::milestone, TimelineEntry::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("REMINDER", OutboxStatus.QUEUED),
        org.assertj.core.groups.Tuple.tuple("CODE_REQUESTED", OutboxStatus.SENT),
        org.assertj.core.groups.Tuple.tuple("MOVED_ON", OutboxStatus.SENT));

    clock.set(Instant.parse("2026-12-08T07:59:59Z"));
    messenger.dispatchNow();
    assertThat(messenger.timeline("HO-1").get(0).status()).isEqualTo(OutboxStatus.QUEUED);

    clock.set(Instant.parse("2026-12-08T08:00:00Z"));
    messenger.dispatchNow();
    assertThat(messenger.timeline("HO-1").get(0).status()).isEqualTo(OutboxStatus.SENT);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

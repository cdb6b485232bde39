package org.stpkit.spring.notify;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.OutboxStats;

/**
 * The outbox's backlog ({@code /actuator/health/notifyOutbox}): DOWN when the oldest message still
 * to send has waited longer than {@code stp.notify.health.max-backlog-age}, with the counts by
 * status as details either way. Failed messages are reported, not counted as DOWN: they wait for
 * an operator ({@code stp notify failed}).
 */
final class NotifyOutboxHealthIndicator extends AbstractHealthIndicator {
  private final MilestoneMessenger messenger;
  private final Duration maxBacklogAge;

  NotifyOutboxHealthIndicator(MilestoneMessenger messenger, Duration maxBacklogAge) {
    super("The Notify outbox could not be read");
    this.messenger = messenger;
    this.maxBacklogAge = maxBacklogAge;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    OutboxStats stats = messenger.stats();
    long oldest = stats.oldestBacklogAge().map(Duration::toSeconds).orElse(0L);
    boolean stuck = stats.oldestBacklogAge().map(age -> age.compareTo(maxBacklogAge) > 0).orElse(false);
    (stuck ? builder.down() : builder.up())
        .withDetail("backlog", stats.backlog())
        .withDetail("oldestBacklogAgeSeconds", oldest)
        .withDetail("maxBacklogAgeSeconds", maxBacklogAge.toSeconds())
        .withDetail("queued", stats.queued())
        .withDetail("sending", stats.sending())
        .withDetail("retrying", stats.retrying())
        .withDetail("sent", stats.sent())
        .withDetail("delivered", stats.delivered())
        .withDetail("failed", stats.failed());
  }
}

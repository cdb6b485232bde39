package org.stpkit.spring.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.OutboxStats;

/**
 * {@code stp.notify.messages} (a gauge per status: queued, sending, retrying, sent, delivered,
 * failed) and {@code stp.notify.backlog.age} (seconds the oldest message still to send has
 * waited), read from the outbox at most every {@code refresh} however often they are scraped.
 */
final class NotifyMetrics implements MeterBinder {
  private final MilestoneMessenger messenger;
  private final Duration refresh;
  private volatile OutboxStats last = new OutboxStats(0, 0, 0, 0, 0, 0, java.util.Optional.empty());
  private volatile long readAt = Long.MIN_VALUE;

  NotifyMetrics(MilestoneMessenger messenger, Duration refresh) {
    this.messenger = messenger;
    this.refresh = refresh;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "queued", OutboxStats::queued);
    gauge(registry, "sending", OutboxStats::sending);
    gauge(registry, "retrying", OutboxStats::retrying);
    gauge(registry, "sent", OutboxStats::sent);
    gauge(registry, "delivered", OutboxStats::delivered);
    gauge(registry, "failed", OutboxStats::failed);
    Gauge.builder("stp.notify.backlog.age", this,
            metrics -> metrics.stats().oldestBacklogAge().map(Duration::toSeconds).orElse(0L))
        .baseUnit("seconds").description("How long the oldest message still to send has waited")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String status, ToDoubleFunction<OutboxStats> count) {
    Gauge.builder("stp.notify.messages", this, metrics -> count.applyAsDouble(metrics.stats()))
        .tag("status", status).description("Outbox messages by status").register(registry);
  }

  private OutboxStats stats() {
    long now = System.nanoTime();
    if (readAt == Long.MIN_VALUE || now - readAt > refresh.toNanos()) {
      synchronized (this) {
        if (readAt == Long.MIN_VALUE || now - readAt > refresh.toNanos()) {
          last = messenger.stats();
          readAt = now;
        }
      }
    }
    return last;
  }
}

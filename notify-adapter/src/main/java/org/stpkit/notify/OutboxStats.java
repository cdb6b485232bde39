package org.stpkit.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Counters for operations: messages by status, and how long the oldest message still to send has
 * waited.
 */
public record OutboxStats(long queued, long sending, long retrying, long sent, long delivered, long failed,
    Optional<Duration> oldestBacklogAge) {
  public OutboxStats {
    Objects.requireNonNull(oldestBacklogAge, "oldestBacklogAge");
  }

  /** Messages not yet accepted by Notify. */
  public long backlog() {
    return queued + sending + retrying;
  }
}

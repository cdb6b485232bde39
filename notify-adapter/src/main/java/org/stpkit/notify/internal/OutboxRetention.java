package org.stpkit.notify.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the outbox to its retention period: once an hour, on the dispatching node, messages that
 * ended longer ago than the period are deleted with their events, and so are received texts. The
 * outbox holds personal data (addresses, numbers, personalisation), so a service says how long.
 */
final class OutboxRetention {
  private static final Logger LOG = Logger.getLogger(OutboxRetention.class.getName());
  private static final Duration EVERY = Duration.ofHours(1);

  private final OutboxQueries queries;
  private final Clock clock;
  private final Duration keepFor;
  private volatile Instant purgedAt = Instant.EPOCH;

  OutboxRetention(OutboxQueries queries, Clock clock, Duration keepFor) {
    this.queries = queries;
    this.clock = clock;
    this.keepFor = keepFor;
  }

  void purgeIfDue() {
    Instant now = clock.instant();
    if (Duration.between(purgedAt, now).compareTo(EVERY) < 0) {
      return;
    }
    purgedAt = now;
    try {
      int deleted = queries.purge(now.minus(keepFor));
      if (deleted > 0) {
        LOG.info("notify-adapter: deleted " + deleted + " messages and received texts older than " + keepFor);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Purging the outbox failed; it is tried again in an hour", e);
    }
  }
}

package org.stpkit.notify;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.stpkit.notify.internal.Operations;
import org.stpkit.notify.internal.Outbox;

/**
 * Operations on an outbox without a catalogue or a Notify key: counters, the failed messages, and
 * re-driving them. What {@code stp notify failed} and {@code stp notify redrive} use.
 */
public final class NotifyOperations {
  private final Operations operations;
  private final Clock clock;

  private NotifyOperations(Operations operations, Clock clock) {
    this.operations = operations;
    this.clock = clock;
  }

  /** Operations on the outbox in this database (its tables must exist: a messenger creates them). */
  public static NotifyOperations on(DataSource database) {
    return new NotifyOperations(new Operations(new Outbox(Objects.requireNonNull(database, "database"))), Clock.systemUTC());
  }

  static NotifyOperations on(Outbox outbox, Clock clock) {
    return new NotifyOperations(new Operations(outbox), clock);
  }

  public OutboxStats stats() {
    try {
      return operations.stats(clock.instant());
    } catch (SQLException e) {
      throw new NotifyException("Cannot read the outbox counters: " + e.getMessage(), e);
    }
  }

  public List<FailedMessage> failedMessages() {
    try {
      return operations.failed();
    } catch (SQLException e) {
      throw new NotifyException("Cannot list failed messages: " + e.getMessage(), e);
    }
  }

  /** Queues failed messages again; the number re-driven (ids that are not failed are left alone). */
  public int redrive(Collection<String> messageIds) {
    try {
      return operations.redrive(messageIds, clock.instant());
    } catch (SQLException e) {
      throw new NotifyException("Cannot re-drive messages: " + e.getMessage(), e);
    }
  }
}

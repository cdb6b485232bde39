package org.stpkit.notify;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.stpkit.notify.internal.MessengerCore;

/**
 * Operations on an outbox without a catalogue or a Notify key: counters, the failed messages, and
 * re-driving them. What {@code stp notify failed} and {@code stp notify redrive} use.
 */
public final class NotifyOperations {
  private final MessengerCore.Operations operations;

  private NotifyOperations(MessengerCore.Operations operations) {
    this.operations = operations;
  }

  /** Operations on the outbox in this database (its tables must exist: a messenger creates them). */
  public static NotifyOperations on(DataSource database) {
    return new NotifyOperations(MessengerCore.operations(Objects.requireNonNull(database, "database"), Clock.systemUTC()));
  }

  public OutboxStats stats() {
    return operations.stats();
  }

  public List<FailedMessage> failedMessages() {
    return operations.failedMessages();
  }

  /** Queues failed messages again; the number re-driven (ids that are not failed are left alone). */
  public int redrive(Collection<String> messageIds) {
    return operations.redrive(Objects.requireNonNull(messageIds, "messageIds"));
  }
}

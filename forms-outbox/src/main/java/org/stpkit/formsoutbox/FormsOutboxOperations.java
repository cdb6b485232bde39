package org.stpkit.formsoutbox;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.stpkit.formsoutbox.internal.OperationsQueries;

/**
 * For operators, on any instance or from {@code stp forms failed} / {@code stp forms redrive}: the
 * outbox's counters, its dead letters with their reasons, and putting them back in the queue once
 * the receiver or the data is fixed. Needs no outputs, keys or forms.
 */
public final class FormsOutboxOperations {
  private final OperationsQueries queries;
  private final Clock clock;

  private FormsOutboxOperations(DataSource dataSource, Clock clock) {
    this.queries = new OperationsQueries(dataSource);
    this.clock = clock;
  }

  /** Operations on the forms database behind this DataSource (not migrated: it must be one already). */
  public static FormsOutboxOperations on(DataSource dataSource) {
    return new FormsOutboxOperations(Objects.requireNonNull(dataSource, "dataSource"), Clock.systemUTC());
  }

  /** The same, with the time taken from {@code clock}: the clock the outbox's deliveries run on. */
  public static FormsOutboxOperations on(DataSource dataSource, Clock clock) {
    return new FormsOutboxOperations(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(clock, "clock"));
  }

  public static FormsOutboxOperations on(FormsDatabase database) {
    return on(Objects.requireNonNull(database, "database").dataSource());
  }

  public OutboxCounts counts() {
    return queries.counts(clock.instant());
  }

  /** The dead letters, oldest first. */
  public List<FailedDelivery> failed() {
    return queries.failed();
  }

  /**
   * Queues failed deliveries again (by id, from {@link #failed()}): they start from a first attempt
   * with their idempotency key unchanged. Ids that are not failed deliveries are skipped.
   *
   * @return how many were queued again
   */
  public int redrive(Collection<String> deliveryIds) {
    return queries.redrive(List.copyOf(deliveryIds), clock.instant());
  }

  /** Queues every failed delivery again; how many were. */
  public int redriveAll() {
    return redrive(failed().stream().map(FailedDelivery::id).toList());
  }
}

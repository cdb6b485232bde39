package org.stpkit.spring.notify;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.Reached;
import org.stpkit.notify.TimelineEntry;

/**
 * The milestone messenger for Spring code: {@link #reached} joins the current Spring transaction
 * (the messages are queued in it and sent only if it commits), with no {@code Connection} to
 * pass. Outside a transaction, or when the outbox is not in the transaction's database, the
 * messages are queued in a transaction of their own.
 *
 * <pre>{@code
 * @Transactional
 * public void decide(String caseRef, Decision decision) {
 *   cases.recordDecision(caseRef, decision);
 *   milestones.reached(caseRef, "DECISION_MADE", CaseData.of(caseJson(caseRef)));   // commits or rolls back with it
 * }
 * }</pre>
 */
public final class TransactionalMilestones {
  private final MilestoneMessenger messenger;
  private final Optional<DataSource> outboxDatabase;

  /**
   * @param outboxDatabase the DataSource the messenger's outbox is in, when it is the application's
   *     (empty for an embedded outbox, which never joins the application's transactions)
   */
  public TransactionalMilestones(MilestoneMessenger messenger, Optional<DataSource> outboxDatabase) {
    this.messenger = Objects.requireNonNull(messenger, "messenger");
    this.outboxDatabase = Objects.requireNonNull(outboxDatabase, "outboxDatabase");
  }

  /**
   * Reaches a milestone in the current transaction when there is one on the outbox's database.
   *
   * @throws org.stpkit.notify.InvalidCaseDataException naming every field that cannot make a message; nothing is queued
   */
  public Reached reached(String caseRef, String milestone, CaseData data) {
    if (outboxDatabase.isPresent() && TransactionSynchronizationManager.isActualTransactionActive()) {
      DataSource dataSource = outboxDatabase.get();
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        // A transaction on another resource (another DataSource, JMS) hands out a connection of
        // its own in auto-commit: that would not roll back with the caller, so it is not used.
        if (DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
          return messenger.reached(caseRef, milestone, data, connection);
        }
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
    return messenger.reached(caseRef, milestone, data);
  }

  /** Every message a case's milestones made, oldest first, with what happened to each. */
  public List<TimelineEntry> timeline(String caseRef) {
    return messenger.timeline(caseRef);
  }

  /** The messenger itself, for operations (stats, failed messages, redrive). */
  public MilestoneMessenger messenger() {
    return messenger;
  }
}

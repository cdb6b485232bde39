package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.stpkit.notify.Channel;
import org.stpkit.notify.FailedMessage;
import org.stpkit.notify.OutboxStats;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.TimelineEntry;

/** What operators ask of an outbox: counters, the failed messages, re-driving them, and finding a message by reference. */
public final class OutboxQueries {
  private final DataSource dataSource;

  public OutboxQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public OutboxStats stats(Instant now) throws SQLException {
    Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
    Optional<Duration> oldest = Optional.empty();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement("SELECT status, COUNT(*) FROM notify_outbox GROUP BY status");
          ResultSet result = select.executeQuery()) {
        while (result.next()) {
          counts.put(OutboxStatus.valueOf(result.getString(1)), result.getLong(2));
        }
      }
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT MIN(created_at) FROM notify_outbox WHERE status IN ('QUEUED', 'SENDING', 'RETRYING')");
          ResultSet result = select.executeQuery()) {
        if (result.next() && result.getObject(1) != null) {
          Instant created = SqlValues.instant(result.getObject(1, LocalDateTime.class));
          oldest = Optional.of(Duration.between(created, now).isNegative() ? Duration.ZERO : Duration.between(created, now));
        }
      }
    }
    return new OutboxStats(counts.getOrDefault(OutboxStatus.QUEUED, 0L), counts.getOrDefault(OutboxStatus.SENDING, 0L),
        counts.getOrDefault(OutboxStatus.RETRYING, 0L), counts.getOrDefault(OutboxStatus.SENT, 0L),
        counts.getOrDefault(OutboxStatus.DELIVERED, 0L), counts.getOrDefault(OutboxStatus.FAILED, 0L), oldest);
  }

  public List<FailedMessage> failed() throws SQLException {
    List<FailedMessage> failed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT id, case_ref, milestone, message_name, channel,"
            + " failure_type, failure_message, attempts, updated_at FROM notify_outbox WHERE status = 'FAILED'"
            + " ORDER BY updated_at, id");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        failed.add(new FailedMessage(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
            Channel.valueOf(result.getString(5)), String.valueOf(result.getString(6)), String.valueOf(result.getString(7)),
            result.getInt(8), SqlValues.instant(result.getObject(9, LocalDateTime.class))));
      }
    }
    return failed;
  }

  /**
   * Puts failed messages back in the queue (after the data or template is fixed); how many were.
   *
   * <p>Attempts start again from 0, so a redriven message has {@code maxAttempts} anew. That alone
   * would make its next send a first attempt, sent without a lookup; but a message that failed
   * after a lost answer, a timeout or a 5xx may be in Notify already, and sending it again would
   * reach the citizen twice. So the redrive keeps, in {@code attempted_before_redrive}, that it was
   * attempted, and its first send after the redrive looks it up by reference like any retry (one
   * column rather than attempts left as they were: the budget, the backoff and what operators read
   * as attempts stay as they are). The right-hand side reads the row before the update; once set,
   * the flag stays, so a second redrive before any new attempt still looks up.
   */
  public int redrive(Collection<String> ids, Instant now) throws SQLException {
    return InTransaction.run(dataSource, connection -> {
      int redriven = 0;
      try (PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET status = 'QUEUED',"
          + " attempted_before_redrive = CASE WHEN attempts > 0 THEN TRUE ELSE attempted_before_redrive END,"
          + " attempts = 0, not_created_attempt = NULL, next_attempt_at = ?, failure_type = NULL, failure_message = NULL,"
          + " updated_at = ?"
          + " WHERE id = ? AND status = 'FAILED'")) {
        LocalDateTime at = SqlValues.utc(now);
        for (String id : ids) {
          update.setObject(1, at);
          update.setObject(2, at);
          update.setString(3, id);
          if (update.executeUpdate() == 1) {
            Outbox.event(connection, id, now, TimelineEntry.EventKind.REDRIVEN, "queued again by an operator");
            redriven++;
          }
        }
      }
      return redriven;
    });
  }

  /**
   * Deletes what the outbox no longer needs to keep: messages that ended (delivered or failed)
   * before {@code before}, with their events and files, and received texts from before it. Deleted
   * in batches of a thousand so that a large purge does not hold one long transaction; the number
   * of messages and texts deleted.
   */
  public int purge(Instant before) throws SQLException {
    LocalDateTime cutoff = SqlValues.utc(before);
    int deleted = 0;
    while (true) {
      int batch = InTransaction.run(dataSource, connection -> {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM notify_outbox"
            + " WHERE status IN ('DELIVERED', 'FAILED') AND updated_at < ? ORDER BY updated_at LIMIT 1000")) {
          select.setObject(1, cutoff);
          try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
              ids.add(result.getString(1));
            }
          }
        }
        for (String table : List.of("notify_event", "notify_attachment")) {
          try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE message_id = ?")) {
            for (String id : ids) {
              delete.setString(1, id);
              delete.addBatch();
            }
            delete.executeBatch();
          }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM notify_outbox WHERE id = ?")) {
          for (String id : ids) {
            delete.setString(1, id);
            delete.addBatch();
          }
          delete.executeBatch();
        }
        return ids.size();
      });
      deleted += batch;
      if (batch < 1000) {
        break;
      }
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM notify_received_text WHERE received_at < ?")) {
      delete.setObject(1, cutoff);
      deleted += delete.executeUpdate();
    }
    return deleted;
  }

  /** The outbox id of the message Notify knows by this reference. */
  public Optional<String> idByReference(String reference) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT id FROM notify_outbox WHERE notify_reference = ?")) {
      select.setString(1, reference);
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
      }
    }
  }
}

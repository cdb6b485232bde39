package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Status changes of outbox messages, each once, each with an event for the case timeline. */
public final class Transitions {
  private final Outbox outbox;
  private final Clock clock;

  public Transitions(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Moves a message from one status to another, once, with an event for the timeline. */
  void transition(String id, String from, String to, Instant now, @Nullable String notifyId,
      @Nullable String failureType, @Nullable String failureMessage, String detail) throws SQLException {
    try (Connection connection = outbox.dataSource().getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET status = ?, updated_at = ?,"
            + " notify_id = COALESCE(?, notify_id), failure_type = ?, failure_message = ?, next_attempt_at = ?"
            + " WHERE id = ? AND status = ?")) {
      update.setString(1, to);
      update.setObject(2, SqlValues.utc(now));
      update.setString(3, notifyId);
      update.setString(4, failureType);
      update.setString(5, failureMessage == null ? null : SqlValues.truncate(failureMessage));
      update.setObject(6, to.equals("RETRYING") ? SqlValues.utc(now) : null);
      update.setString(7, id);
      update.setString(8, from);
      if (update.executeUpdate() == 1) {
        outbox.event(connection, id, now, to, SqlValues.truncate(detail));
      }
    }
  }

  /** Records Notify's status for a sent message: final ones end it; others wait for the next poll. */
  public void applyStatus(String messageId, String notifyStatus, String how) throws SQLException {
    Instant now = clock.instant();
    switch (notifyStatus) {
      case "delivered":
      case "received":
        transition(messageId, "SENT", "DELIVERED", now, null, null, null, "Notify: " + notifyStatus + " (" + how + ")");
        break;
      case "permanent-failure":
      case "temporary-failure":
      case "technical-failure":
      case "cancelled":
      case "validation-failed":
      case "virus-scan-failed":
        transition(messageId, "SENT", "FAILED", now, null, notifyStatus, "Notify could not deliver it: " + notifyStatus,
            "Notify: " + notifyStatus + " (" + how + ")");
        break;
      default:
        touch(messageId);
    }
  }

  void touch(String messageId) throws SQLException {
    try (Connection connection = outbox.dataSource().getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET updated_at = ? WHERE id = ? AND status = 'SENT'")) {
      update.setObject(1, SqlValues.utc(clock.instant()));
      update.setString(2, messageId);
      update.executeUpdate();
    }
  }
}

package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.TimelineEntry;

/**
 * The one way a message's status changes: from an expected status to another, once, with an event
 * for the case's timeline. Many changes go in one transaction of three statements (an update, the
 * events, deleting the files of messages Notify now has); on PostgreSQL each is one statement over
 * arrays however many messages it changes, which is what lets one node send a thousand messages a
 * second.
 */
public final class Transitions {
  private final DataSource dataSource;

  public Transitions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A status change. A change whose message is no longer in {@code from} (another node or a
   * receipt got there first) is skipped, event and all.
   *
   * @param notCreatedAttempt a retry's attempt whose send Notify refused without creating the
   *     message: the next attempt sends without looking it up first. Empty (recorded as NULL) for
   *     every other change, so the next attempt looks up.
   */
  public record Transition(String messageId, OutboxStatus from, OutboxStatus to, Instant at, Optional<String> notifyId,
      Optional<String> failureType, Optional<String> failureMessage, Optional<Instant> nextAttemptAt,
      TimelineEntry.EventKind event, String detail, boolean dropFiles, Optional<Integer> notCreatedAttempt) {

    /** To SENT: Notify has the message, and the files kept for it ({@code dropFiles}) can go. */
    static Transition sent(String id, Instant at, String notifyId, String detail, boolean dropFiles) {
      return new Transition(id, OutboxStatus.SENDING, OutboxStatus.SENT, at, Optional.of(notifyId), Optional.empty(),
          Optional.empty(), Optional.empty(), TimelineEntry.EventKind.SENT, detail, dropFiles, Optional.empty());
    }

    /** To FAILED from {@code from}, with Notify's error type (or ours) and message. */
    static Transition failed(String id, OutboxStatus from, Instant at, String type, String message, String detail) {
      return new Transition(id, from, OutboxStatus.FAILED, at, Optional.empty(), Optional.of(type), Optional.of(message),
          Optional.empty(), TimelineEntry.EventKind.FAILED, detail, false, Optional.empty());
    }

    /**
     * To RETRYING: tried again from {@code next}; the reason kept as the failure message. The next
     * attempt looks the message up in Notify before sending it, unless {@code notCreatedAttempt}
     * names the attempt just made (Notify said it did not create the message).
     */
    static Transition retrying(String id, Instant at, Instant next, String reason, String detail,
        Optional<Integer> notCreatedAttempt) {
      return new Transition(id, OutboxStatus.SENDING, OutboxStatus.RETRYING, at, Optional.empty(), Optional.empty(),
          Optional.of(reason), Optional.of(next), TimelineEntry.EventKind.RETRYING, detail, false, notCreatedAttempt);
    }

    /**
     * The same final status reached from SENDING: a receipt that overtook the recording of the
     * send's answer. Notify has the message, so its files can go.
     */
    Transition overtakingTheSend() {
      return new Transition(messageId, OutboxStatus.SENDING, to, at, notifyId, failureType, failureMessage,
          nextAttemptAt, event, detail + "; it arrived before the send's answer was recorded", true, notCreatedAttempt);
    }

    /** From SENT to DELIVERED. */
    static Transition delivered(String id, Instant at, String detail) {
      return new Transition(id, OutboxStatus.SENT, OutboxStatus.DELIVERED, at, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), TimelineEntry.EventKind.DELIVERED, detail, false, Optional.empty());
    }
  }

  /** Notify's status for a sent message as a change: final ones end it; others change nothing. */
  public static Optional<Transition> fromNotifyStatus(String messageId, String notifyStatus, String how, Instant at) {
    return switch (notifyStatus) {
      case "delivered", "received" ->
          Optional.of(Transition.delivered(messageId, at, "Notify: " + notifyStatus + " (" + how + ")"));
      case "permanent-failure", "temporary-failure", "technical-failure", "cancelled", "validation-failed",
          "virus-scan-failed" -> Optional.of(Transition.failed(messageId, OutboxStatus.SENT, at, notifyStatus,
              "Notify could not deliver it: " + notifyStatus, "Notify: " + notifyStatus + " (" + how + ")"));
      default -> Optional.empty();
    };
  }

  /** Applies the changes in one transaction; how many took effect. */
  public int apply(List<Transition> transitions) throws SQLException {
    if (transitions.isEmpty()) {
      return 0;
    }
    return InTransaction.run(dataSource, connection -> apply(connection, transitions));
  }

  /** Applies the changes in the caller's transaction. */
  public static int apply(Connection connection, List<Transition> transitions) throws SQLException {
    if (transitions.isEmpty()) {
      return 0;
    }
    if (!SqlValues.isPostgres(connection)) {
      return applyOneByOne(connection, transitions);
    }
    // One UPDATE over arrays changes each row at most once, so a batch that changes a message twice
    // (sent, then delivered) is applied in runs with each message once, in order.
    int applied = 0;
    List<Transition> run = new ArrayList<>();
    Set<String> inRun = new HashSet<>();
    for (Transition change : transitions) {
      if (!inRun.add(change.messageId())) {
        applied += applyAtOnce(connection, run);
        run.clear();
        inRun.clear();
        inRun.add(change.messageId());
      }
      run.add(change);
    }
    return applied + applyAtOnce(connection, run);
  }

  /**
   * PostgreSQL: the changes (each message once) as three statements over arrays, whatever their
   * number: an UPDATE that returns the rows it changed, their events, and the files Notify now has.
   * A batch of JDBC statements would run one statement per row on the server; these run one each.
   */
  private static int applyAtOnce(Connection connection, List<Transition> changes) throws SQLException {
    int size = changes.size();
    String[] ids = new String[size];
    String[] from = new String[size];
    String[] to = new String[size];
    String[] at = new String[size];
    String[] notifyIds = new String[size];
    String[] failureTypes = new String[size];
    String[] failureMessages = new String[size];
    String[] next = new String[size];
    String[] notCreated = new String[size];
    Map<String, Transition> byId = new HashMap<>();
    for (int i = 0; i < size; i++) {
      Transition change = changes.get(i);
      ids[i] = change.messageId();
      from[i] = change.from().name();
      to[i] = change.to().name();
      at[i] = SqlValues.utc(change.at()).toString();
      notifyIds[i] = change.notifyId().orElse(null);
      failureTypes[i] = change.failureType().orElse(null);
      failureMessages[i] = change.failureMessage().map(SqlValues::truncate).orElse(null);
      next[i] = change.nextAttemptAt().map(instant -> SqlValues.utc(instant).toString()).orElse(null);
      notCreated[i] = change.notCreatedAttempt().map(String::valueOf).orElse(null);
      byId.put(change.messageId(), change);
    }
    List<Transition> applied = new ArrayList<>();
    try (PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox o SET status = v.to_status,"
        + " updated_at = v.at::timestamp, notify_id = COALESCE(v.notify_id, o.notify_id), failure_type = v.failure_type,"
        + " failure_message = v.failure_message, next_attempt_at = v.next_at::timestamp,"
        + " not_created_attempt = v.not_created::integer"
        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
        + " AS v(id, from_status, to_status, at, notify_id, failure_type, failure_message, next_at, not_created)"
        + " WHERE o.id = v.id AND o.status = v.from_status RETURNING o.id")) {
      String[][] columns = {ids, from, to, at, notifyIds, failureTypes, failureMessages, next, notCreated};
      for (int i = 0; i < columns.length; i++) {
        update.setArray(i + 1, connection.createArrayOf("text", columns[i]));
      }
      try (ResultSet result = update.executeQuery()) {
        while (result.next()) {
          applied.add(byId.get(result.getString(1)));
        }
      }
    }
    if (applied.isEmpty()) {
      return 0;
    }
    int count = applied.size();
    String[] eventIds = new String[count];
    String[] messageIds = new String[count];
    String[] eventAt = new String[count];
    String[] kinds = new String[count];
    String[] details = new String[count];
    List<String> dropFiles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Transition change = applied.get(i);
      eventIds[i] = UUID.randomUUID().toString();
      messageIds[i] = change.messageId();
      eventAt[i] = SqlValues.utc(change.at()).toString();
      kinds[i] = change.event().name();
      details[i] = SqlValues.truncate(change.detail());
      if (change.dropFiles()) {
        dropFiles.add(change.messageId());
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notify_event (id, message_id, at, status,"
        + " detail) SELECT v.id, v.message_id, v.at::timestamp, v.status, v.detail"
        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS v(id, message_id, at, status, detail)")) {
      String[][] columns = {eventIds, messageIds, eventAt, kinds, details};
      for (int i = 0; i < columns.length; i++) {
        insert.setArray(i + 1, connection.createArrayOf("text", columns[i]));
      }
      insert.executeUpdate();
    }
    // Files are kept until Notify has them, and no longer (Notify keeps its own copy for the retention period).
    if (!dropFiles.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM notify_attachment WHERE message_id = ANY(?::text[])")) {
        delete.setArray(1, connection.createArrayOf("text", dropFiles.toArray(new String[0])));
        delete.executeUpdate();
      }
    }
    return count;
  }

  /** Other databases (H2): a JDBC batch of each statement. */
  private static int applyOneByOne(Connection connection, List<Transition> transitions) throws SQLException {
    List<Transition> applied = new ArrayList<>();
    try (PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET status = ?, updated_at = ?,"
        + " notify_id = COALESCE(?, notify_id), failure_type = ?, failure_message = ?, next_attempt_at = ?,"
        + " not_created_attempt = ? WHERE id = ? AND status = ?")) {
      for (Transition change : transitions) {
        update.setString(1, change.to().name());
        update.setObject(2, SqlValues.utc(change.at()));
        update.setString(3, change.notifyId().orElse(null));
        update.setString(4, change.failureType().orElse(null));
        update.setString(5, change.failureMessage().map(SqlValues::truncate).orElse(null));
        update.setObject(6, change.nextAttemptAt().map(SqlValues::utc).orElse(null));
        update.setObject(7, change.notCreatedAttempt().orElse(null), java.sql.Types.INTEGER);
        update.setString(8, change.messageId());
        update.setString(9, change.from().name());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        // Some drivers answer SUCCESS_NO_INFO for batches; the row then changed as far as they tell.
        if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
          applied.add(transitions.get(i));
        }
      }
    }
    if (applied.isEmpty()) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO notify_event (id, message_id, at, status, detail) VALUES (?, ?, ?, ?, ?)")) {
      for (Transition change : applied) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, change.messageId());
        insert.setObject(3, SqlValues.utc(change.at()));
        insert.setString(4, change.event().name());
        insert.setString(5, SqlValues.truncate(change.detail()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // Files are kept until Notify has them, and no longer (Notify keeps its own copy for the retention period).
    List<Transition> sent = applied.stream().filter(Transition::dropFiles).toList();
    if (!sent.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM notify_attachment WHERE message_id = ?")) {
        for (Transition change : sent) {
          delete.setString(1, change.messageId());
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    return applied.size();
  }
}

package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.stpkit.notify.Channel;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.TimelineEntry;

/**
 * The outbox tables: messages written in the caller's transaction, once per case, milestone,
 * message and recipient, and the events that make each case's timeline. Works on PostgreSQL and
 * H2; Flyway keeps the schema ({@code notify_schema_history}).
 */
public final class Outbox {
  private final DataSource dataSource;
  private final boolean postgres;

  public Outbox(DataSource dataSource) {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the outbox database: " + e.getMessage(), e);
    }
  }

  /** Creates or updates the outbox tables. */
  public void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        // The scheduler's and attachments' tables differ in a column type between the two databases.
        .locations("classpath:org/stpkit/notify/db/common", "classpath:org/stpkit/notify/db/" + (postgres ? "postgresql" : "h2"))
        .table("notify_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return postgres;
  }

  /** Writes the message, its files and its QUEUED event unless the case already has it; true when written. */
  public boolean insert(Connection connection, OutboxRow row, Instant now) throws SQLException {
    String sql = "INSERT INTO notify_outbox (id, case_ref, milestone, message_name, recipient_key, channel, template_id,"
        + " recipient, personalisation, notify_reference, status, attempts, next_attempt_at, created_at, updated_at,"
        + " priority, service, email_reply_to_id, sms_sender_id, unsubscribe_url, postage)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        // PostgreSQL aborts the caller's transaction on a failed insert, so it must not fail there.
        + (postgres ? " ON CONFLICT DO NOTHING" : "");
    int inserted;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      LocalDateTime at = SqlValues.utc(now);
      insert.setString(1, row.id());
      insert.setString(2, row.caseRef());
      insert.setString(3, row.milestone());
      insert.setString(4, row.messageName());
      insert.setString(5, row.recipientKey());
      insert.setString(6, row.channel().name());
      insert.setString(7, row.templateId().orElse(null));
      insert.setString(8, row.recipient());
      insert.setString(9, row.personalisationJson());
      insert.setString(10, row.notifyReference());
      insert.setObject(11, at);
      insert.setObject(12, at);
      insert.setObject(13, at);
      insert.setInt(14, row.priority().ordinal());
      insert.setString(15, row.service());
      insert.setString(16, row.emailReplyToId().orElse(null));
      insert.setString(17, row.smsSenderId().orElse(null));
      insert.setString(18, row.unsubscribeUrl().orElse(null));
      insert.setString(19, row.postage().orElse(null));
      inserted = insert.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
    if (inserted != 1) {
      return false;
    }
    insertAttachments(connection, row);
    event(connection, row.id(), now, TimelineEntry.EventKind.QUEUED, null);
    return true;
  }

  private static void insertAttachments(Connection connection, OutboxRow row) throws SQLException {
    if (row.attachments().isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notify_attachment (message_id, placeholder,"
        + " filename, content, confirm_email_before_download, retention_weeks) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (OutboxRow.Attachment attachment : row.attachments()) {
        insert.setString(1, row.id());
        insert.setString(2, attachment.placeholder());
        insert.setString(3, attachment.filename());
        insert.setBytes(4, attachment.content());
        insert.setBoolean(5, attachment.confirmEmailBeforeDownload());
        insert.setInt(6, attachment.retentionWeeks());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  public static void event(Connection connection, String messageId, Instant at, TimelineEntry.EventKind kind,
      @Nullable String detail) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO notify_event (id, message_id, at, status, detail) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, messageId);
      insert.setObject(3, SqlValues.utc(at));
      insert.setString(4, kind.name());
      insert.setString(5, detail == null ? null : SqlValues.truncate(detail));
      insert.executeUpdate();
    }
  }

  /** Every message of a case with its events, oldest first. */
  public List<TimelineEntry> timeline(String caseRef) {
    record Head(String id, String milestone, String messageName, Channel channel, String reference, OutboxStatus status,
        Optional<String> notifyId, Optional<String> failure, Instant queuedAt) {}
    List<Head> heads = new ArrayList<>();
    Map<String, List<TimelineEntry.Event>> events = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement("SELECT id, milestone, message_name, channel,"
          + " notify_reference, status, notify_id, failure_type, failure_message, created_at FROM notify_outbox"
          + " WHERE case_ref = ? ORDER BY created_at, id")) {
        select.setString(1, caseRef);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            String failureType = result.getString("failure_type");
            heads.add(new Head(result.getString("id"), result.getString("milestone"), result.getString("message_name"),
                Channel.valueOf(result.getString("channel")), result.getString("notify_reference"),
                OutboxStatus.valueOf(result.getString("status")), Optional.ofNullable(result.getString("notify_id")),
                failureType == null ? Optional.empty() : Optional.of(failureType + ": " + result.getString("failure_message")),
                SqlValues.instant(result.getObject("created_at", LocalDateTime.class))));
            events.put(result.getString("id"), new ArrayList<>());
          }
        }
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT e.message_id, e.at, e.status, e.detail"
          + " FROM notify_event e JOIN notify_outbox o ON o.id = e.message_id WHERE o.case_ref = ? ORDER BY e.at, e.id")) {
        select.setString(1, caseRef);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            events.get(result.getString(1)).add(new TimelineEntry.Event(
                SqlValues.instant(result.getObject(2, LocalDateTime.class)),
                TimelineEntry.EventKind.valueOf(result.getString(3)), Optional.ofNullable(result.getString(4))));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the timeline of case " + caseRef + ": " + e.getMessage(), e);
    }
    return heads.stream().map(head -> new TimelineEntry(head.milestone(), head.messageName(), head.channel(),
        head.reference(), head.status(), head.notifyId(), head.failure(), head.queuedAt(), events.get(head.id()))).toList();
  }
}

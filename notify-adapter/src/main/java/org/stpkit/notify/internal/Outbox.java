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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The outbox tables: messages written in the caller's transaction, once per case, milestone,
 * message and recipient, and the events that make each case's timeline. Works on PostgreSQL and
 * H2; Flyway keeps the schema ({@code notify_schema_history}).
 */
public final class Outbox {
  /** A message to write. */
  public record Row(String id, String caseRef, String milestone, String messageName, String recipientKey,
      String channel, String templateId, String recipient, String personalisationJson, String notifyReference) {}

  /** A message as the timeline shows it. */
  public record TimelineRow(String id, String milestone, String messageName, String channel, String notifyReference,
      String status, Optional<String> notifyId, Optional<String> failure, Instant createdAt, List<EventRow> events) {}

  /** One event of a message. */
  public record EventRow(Instant at, String status, Optional<String> detail) {}

  private final DataSource dataSource;
  private final boolean postgres;

  public Outbox(DataSource dataSource) {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the outbox database: " + e.getMessage(), e);
    }
  }

  /** Creates or updates the outbox tables. */
  public void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        // The scheduler's table differs in one column type between the two supported databases.
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

  /** Writes the message unless the case already has it; true when written. */
  public boolean insert(Connection connection, Row row, Instant now) throws SQLException {
    String sql = "INSERT INTO notify_outbox (id, case_ref, milestone, message_name, recipient_key, channel, template_id,"
        + " recipient, personalisation, notify_reference, status, attempts, next_attempt_at, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)"
        // PostgreSQL aborts the caller's transaction on a failed insert, so it must not fail there.
        + (postgres ? " ON CONFLICT DO NOTHING" : "");
    int inserted;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, row.id());
      insert.setString(2, row.caseRef());
      insert.setString(3, row.milestone());
      insert.setString(4, row.messageName());
      insert.setString(5, row.recipientKey());
      insert.setString(6, row.channel());
      insert.setString(7, row.templateId());
      insert.setString(8, row.recipient());
      insert.setString(9, row.personalisationJson());
      insert.setString(10, row.notifyReference());
      LocalDateTime at = SqlValues.utc(now);
      insert.setObject(11, at);
      insert.setObject(12, at);
      insert.setObject(13, at);
      inserted = insert.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
    if (inserted == 1) {
      event(connection, row.id(), now, "QUEUED", null);
    }
    return inserted == 1;
  }

  public void event(Connection connection, String messageId, Instant at, String status, @Nullable String detail)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO notify_event (id, message_id, at, status, detail) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, messageId);
      insert.setObject(3, SqlValues.utc(at));
      insert.setString(4, status);
      insert.setString(5, detail);
      insert.executeUpdate();
    }
  }

  /** The id of the message a case already has for a milestone, message and recipient. */
  public Optional<String> existing(Connection connection, Row row) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM notify_outbox"
        + " WHERE case_ref = ? AND milestone = ? AND message_name = ? AND recipient_key = ?")) {
      select.setString(1, row.caseRef());
      select.setString(2, row.milestone());
      select.setString(3, row.messageName());
      select.setString(4, row.recipientKey());
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
      }
    }
  }

  /** Every message of a case with its events, oldest first. */
  public List<TimelineRow> timeline(String caseRef) {
    Map<String, TimelineRow> rows = new LinkedHashMap<>();
    Map<String, List<EventRow>> events = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement("SELECT id, milestone, message_name, channel,"
          + " notify_reference, status, notify_id, failure_type, failure_message, created_at FROM notify_outbox"
          + " WHERE case_ref = ? ORDER BY created_at, id")) {
        select.setString(1, caseRef);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            String id = result.getString("id");
            List<EventRow> messageEvents = new ArrayList<>();
            events.put(id, messageEvents);
            String failureType = result.getString("failure_type");
            rows.put(id, new TimelineRow(id, result.getString("milestone"), result.getString("message_name"),
                result.getString("channel"), result.getString("notify_reference"), result.getString("status"),
                Optional.ofNullable(result.getString("notify_id")),
                failureType == null ? Optional.empty() : Optional.of(failureType + ": " + result.getString("failure_message")),
                SqlValues.instant(result.getObject("created_at", LocalDateTime.class)), messageEvents));
          }
        }
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT e.message_id, e.at, e.status, e.detail"
          + " FROM notify_event e JOIN notify_outbox o ON o.id = e.message_id WHERE o.case_ref = ? ORDER BY e.at, e.id")) {
        select.setString(1, caseRef);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            events.get(result.getString(1)).add(new EventRow(SqlValues.instant(result.getObject(2, LocalDateTime.class)),
                result.getString(3), Optional.ofNullable(result.getString(4))));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the timeline of case " + caseRef + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(rows.values());
  }
}

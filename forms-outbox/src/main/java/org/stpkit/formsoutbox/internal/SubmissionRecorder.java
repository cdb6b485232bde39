package org.stpkit.formsoutbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.stpkit.forms.SubmissionJson;
import org.stpkit.forms.spi.Submission;
import org.stpkit.formsoutbox.DeliveryStatus;
import org.stpkit.formsoutbox.FormsOutboxException;

/**
 * Writes a submission and one delivery per output of its form in one transaction, unless its journey
 * already has one, and answers with the reference of the journey's submission. On PostgreSQL the
 * insert is {@code ON CONFLICT DO NOTHING}: two instances recording one journey at once do not fail,
 * the second waits for the first and reads what it wrote.
 */
final class SubmissionRecorder {
  private final DataSource dataSource;
  private final boolean postgres;
  private final Clock clock;

  SubmissionRecorder(DataSource dataSource, boolean postgres, Clock clock) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.clock = clock;
  }

  String record(String journeyKey, Submission submission, List<String> outputs) {
    String json = SubmissionJson.write(submission);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (insertSubmission(connection, id, journeyKey, submission, json, now)) {
          insertDeliveries(connection, id, submission.formId(), outputs, now);
        }
        String reference = referenceOf(connection, submission.formId(), journeyKey);
        connection.commit();
        return reference;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new FormsOutboxException("Cannot record submission " + submission.reference() + " of form "
          + submission.formId() + ": " + e.getMessage(), e);
    }
  }

  private boolean insertSubmission(Connection connection, String id, String journeyKey, Submission submission,
      String json, Instant now) throws SQLException {
    String sql = "INSERT INTO forms_submission (id, form_id, form_version, reference, journey_key, submitted_at,"
        + " recorded_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        // PostgreSQL would abort the whole transaction on a duplicate, so it must not fail there.
        + (postgres ? " ON CONFLICT DO NOTHING" : "");
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, id);
      insert.setString(2, submission.formId());
      insert.setInt(3, submission.formVersion());
      insert.setString(4, submission.reference());
      insert.setString(5, journeyKey);
      insert.setObject(6, SqlValues.utc(submission.submittedAt()));
      insert.setObject(7, SqlValues.utc(now));
      insert.setString(8, json);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      // H2 keeps the transaction after a failed statement: the journey's first submission is read below.
      if (SqlValues.isDuplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  private static void insertDeliveries(Connection connection, String submissionId, String formId, List<String> outputs,
      Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO forms_delivery (id, submission_id, form_id,"
        + " output, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
      LocalDateTime at = SqlValues.utc(now);
      for (String output : outputs) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, submissionId);
        insert.setString(3, formId);
        insert.setString(4, output);
        insert.setString(5, DeliveryStatus.QUEUED.name());
        insert.setObject(6, at);
        insert.setObject(7, at);
        insert.setObject(8, at);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String referenceOf(Connection connection, String formId, String journeyKey) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT reference FROM forms_submission WHERE form_id = ? AND journey_key = ?")) {
      select.setString(1, formId);
      select.setString(2, journeyKey);
      try (ResultSet result = select.executeQuery()) {
        if (result.next()) {
          return result.getString(1);
        }
      }
    }
    // Nothing for the journey, yet the insert wrote nothing: the new reference was taken by another journey.
    throw new FormsOutboxException("The reference given to a submission of form " + formId
        + " is already another submission's; sending again gives a new one");
  }
}

package org.stpkit.formsoutbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.stpkit.formsoutbox.DeliveryStatus;
import org.stpkit.formsoutbox.spi.RecordedSubmission;

/**
 * The delivery table's changes: claiming due deliveries, recording what an attempt came to,
 * putting back what a stopped instance left half done, and forgetting delivered submissions after
 * their retention. Every change names the status (and attempt) it expects, so an instance that
 * lost a delivery to another (after it was thought stopped) changes nothing.
 */
final class Deliveries {
  /** A delivery's form and output: what an instance can deliver. */
  record Target(String formId, String output) {}

  /** A claimed delivery: the attempt now being made. */
  record Claimed(String id, Target target, int attempt, RecordedSubmission submission) {}

  /** An attempt's result as recorded. */
  record Result(DeliveryStatus status, Optional<Instant> nextAttemptAt, Optional<String> error) {}

  private final DataSource dataSource;
  private final String node;

  Deliveries(DataSource dataSource, String node) {
    this.dataSource = dataSource;
    this.node = node;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Claims up to {@code max} due deliveries of these targets, those due longest first. */
  List<Claimed> claim(int max, Instant now, Set<Target> targets) throws SQLException {
    if (targets.isEmpty() || max <= 0) {
      return List.of();
    }
    String which = targets.stream().map(t -> "(d.form_id = ? AND d.output = ?)").collect(Collectors.joining(" OR "));
    List<Claimed> candidates = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.form_id, d.output, d.attempts,"
            + " s.id, s.form_version, s.reference, s.submitted_at, s.payload FROM forms_delivery d"
            + " JOIN forms_submission s ON s.id = d.submission_id"
            + " WHERE d.next_attempt_at <= ? AND (" + which + ") ORDER BY d.next_attempt_at LIMIT ?")) {
          int at = 1;
          select.setObject(at++, SqlValues.utc(now));
          for (Target target : targets) {
            select.setString(at++, target.formId());
            select.setString(at++, target.output());
          }
          select.setInt(at, max);
          try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
              Target target = new Target(row.getString(2), row.getString(3));
              candidates.add(new Claimed(row.getString(1), target, row.getInt(4) + 1, new RecordedSubmission(
                  row.getString(5), target.formId(), row.getInt(6), row.getString(7),
                  SqlValues.instant(row.getObject(8, LocalDateTime.class)), row.getString(9))));
            }
          }
        }
        List<Claimed> claimed = markDelivering(connection, candidates, now);
        connection.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Only the candidates still claimable are claimed: another runner (during a take-over) may have got there first. */
  private List<Claimed> markDelivering(Connection connection, List<Claimed> candidates, Instant now) throws SQLException {
    if (candidates.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE forms_delivery SET status = '"
        + DeliveryStatus.DELIVERING + "', attempts = attempts + 1, next_attempt_at = NULL, claimed_by = ?,"
        + " updated_at = ? WHERE id = ? AND next_attempt_at IS NOT NULL")) {
      for (Claimed candidate : candidates) {
        update.setString(1, node);
        update.setObject(2, SqlValues.utc(now));
        update.setString(3, candidate.id());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      List<Claimed> claimed = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
          claimed.add(candidates.get(i));
        }
      }
      return claimed;
    }
  }

  /** Records an attempt's result in the caller's transaction; false when the delivery was no longer this attempt's. */
  boolean record(Connection connection, Claimed claimed, Result result, Instant now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE forms_delivery SET status = ?,"
        + " next_attempt_at = ?, last_error = ?, updated_at = ?, delivered_at = ?"
        + " WHERE id = ? AND status = '" + DeliveryStatus.DELIVERING + "' AND attempts = ?")) {
      update.setString(1, result.status().name());
      update.setObject(2, result.nextAttemptAt().map(SqlValues::utc).orElse(null));
      update.setString(3, result.error().map(SqlValues::reason).orElse(null));
      update.setObject(4, SqlValues.utc(now));
      update.setObject(5, result.status() == DeliveryStatus.DELIVERED ? SqlValues.utc(now) : null);
      update.setString(6, claimed.id());
      update.setInt(7, claimed.attempt());
      return update.executeUpdate() == 1;
    }
  }

  /** Records an attempt's result in a transaction of its own. */
  boolean record(Claimed claimed, Result result, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return record(connection, claimed, result, now);
    }
  }

  /** Deliveries left DELIVERING longer than any attempt may take: their instance stopped. Tried again now. */
  int recoverStale(Instant now, Duration staleAfter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE forms_delivery SET status = '"
            + DeliveryStatus.RETRYING + "', next_attempt_at = ?, updated_at = ?, last_error = ?"
            + " WHERE status = '" + DeliveryStatus.DELIVERING + "' AND updated_at < ?")) {
      update.setObject(1, SqlValues.utc(now));
      update.setObject(2, SqlValues.utc(now));
      update.setString(3, "no result recorded within " + staleAfter.toSeconds()
          + " s: the instance delivering it stopped; tried again with the same idempotency key");
      update.setObject(4, SqlValues.utc(now.minus(staleAfter)));
      return update.executeUpdate();
    }
  }

  /** Forgets submissions recorded before {@code before} whose every delivery is done: the outbox keeps no personal data longer than it needs. */
  int forgetDelivered(Instant before) throws SQLException {
    String done = "SELECT s.id FROM forms_submission s WHERE s.recorded_at < ? AND NOT EXISTS (SELECT 1 FROM"
        + " forms_delivery d WHERE d.submission_id = s.id AND d.status <> '" + DeliveryStatus.DELIVERED + "')";
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement deliveries = connection.prepareStatement(
              "DELETE FROM forms_delivery WHERE submission_id IN (" + done + ")");
          PreparedStatement submissions = connection.prepareStatement("DELETE FROM forms_submission s"
              + " WHERE s.recorded_at < ? AND NOT EXISTS (SELECT 1 FROM forms_delivery d WHERE d.submission_id = s.id)")) {
        deliveries.setObject(1, SqlValues.utc(before));
        deliveries.executeUpdate();
        submissions.setObject(1, SqlValues.utc(before));
        int forgotten = submissions.executeUpdate();
        connection.commit();
        return forgotten;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}

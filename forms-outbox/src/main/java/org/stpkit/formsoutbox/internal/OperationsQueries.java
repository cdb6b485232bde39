package org.stpkit.formsoutbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.stpkit.formsoutbox.DeliveryStatus;
import org.stpkit.formsoutbox.FailedDelivery;
import org.stpkit.formsoutbox.FormsOutboxException;
import org.stpkit.formsoutbox.OutboxCounts;

/** What operators read and do: counters, the dead letters, and putting them back in the queue. */
public final class OperationsQueries {
  private final DataSource dataSource;

  public OperationsQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public OutboxCounts counts(Instant now) {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    Optional<Duration> oldest = Optional.empty();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement(
              "SELECT status, COUNT(*) FROM forms_delivery GROUP BY status");
          ResultSet result = select.executeQuery()) {
        while (result.next()) {
          counts.put(DeliveryStatus.valueOf(result.getString(1)), result.getLong(2));
        }
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT MIN(created_at) FROM forms_delivery"
              + " WHERE status IN ('QUEUED', 'DELIVERING', 'RETRYING')");
          ResultSet result = select.executeQuery()) {
        if (result.next() && result.getObject(1) != null) {
          Duration age = Duration.between(SqlValues.instant(result.getObject(1, LocalDateTime.class)), now);
          oldest = Optional.of(age.isNegative() ? Duration.ZERO : age);
        }
      }
    } catch (SQLException e) {
      throw failure("count the outbox's deliveries", e);
    }
    return new OutboxCounts(counts, oldest);
  }

  public List<FailedDelivery> failed() {
    List<FailedDelivery> failed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT d.id, d.form_id, s.reference, d.output,"
            + " d.attempts, d.last_error, d.updated_at FROM forms_delivery d JOIN forms_submission s"
            + " ON s.id = d.submission_id WHERE d.status = 'FAILED' ORDER BY d.updated_at, d.id");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        failed.add(new FailedDelivery(result.getString(1), result.getString(2), result.getString(3),
            result.getString(4), result.getInt(5), String.valueOf(result.getString(6)),
            SqlValues.instant(result.getObject(7, LocalDateTime.class))));
      }
    } catch (SQLException e) {
      throw failure("list the failed deliveries", e);
    }
    return failed;
  }

  /** Failed deliveries queued again, from their first attempt and with their idempotency key; how many were. */
  public int redrive(Collection<String> ids, Instant now) {
    int redriven = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement update = connection.prepareStatement("UPDATE forms_delivery SET status = 'QUEUED',"
          + " attempts = 0, next_attempt_at = ?, updated_at = ?, last_error = ? WHERE id = ? AND status = 'FAILED'")) {
        for (String id : ids) {
          update.setObject(1, SqlValues.utc(now));
          update.setObject(2, SqlValues.utc(now));
          update.setString(3, "queued again by an operator");
          update.setString(4, id);
          redriven += update.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("queue failed deliveries again", e);
    }
    return redriven;
  }

  private static FormsOutboxException failure(String doing, SQLException e) {
    return new FormsOutboxException("Cannot " + doing + " in the forms database: " + e.getMessage(), e);
  }
}

package org.stpkit.formsoutbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.stpkit.formsoutbox.spi.Delivery;
import org.stpkit.formsoutbox.spi.DeliveryOutcome;
import org.stpkit.formsoutbox.spi.SubmissionOutput;

/**
 * Delivers submissions into a table the service reads, one row per submission: {@code reference}
 * (unique), {@code form_id}, {@code form_version}, {@code submitted_at} and {@code received_at} (UTC),
 * {@code payload} (the submission's JSON, as text). In the forms database the row is written in the
 * transaction that records the delivery, so it is there exactly once; in another database a row
 * already there for the reference counts as delivered.
 *
 * <p>{@link #inFormsDatabase()} uses {@code forms_received_submission}, which the forms database's
 * migrations create; for a table of your own, create it with those columns.
 */
public final class SubmissionTable implements SubmissionOutput {
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final String table;
  private final Optional<DataSource> elsewhere;
  private final Clock clock;

  private SubmissionTable(String table, Optional<DataSource> elsewhere, Clock clock) {
    this.table = table;
    this.elsewhere = elsewhere;
    this.clock = clock;
  }

  /** Into {@code forms_received_submission}, beside the outbox. */
  public static SubmissionTable inFormsDatabase() {
    return named("forms_received_submission");
  }

  /** Into this table ({@code name} or {@code schema.name}) of the forms database. */
  public static SubmissionTable named(String table) {
    Objects.requireNonNull(table, "table");
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("A table name is letters, digits and underscores, optionally schema.table: "
          + table);
    }
    return new SubmissionTable(table, Optional.empty(), Clock.systemUTC());
  }

  /** The same table in another database: written in a transaction of its own there. */
  public SubmissionTable in(DataSource dataSource) {
    return new SubmissionTable(table, Optional.of(Objects.requireNonNull(dataSource, "dataSource")), clock);
  }

  public SubmissionTable clock(Clock clock) {
    return new SubmissionTable(table, elsewhere, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public DeliveryOutcome deliver(Delivery delivery) {
    try {
      if (elsewhere.isEmpty()) {
        insert(delivery.transaction(), delivery);
        return DeliveryOutcome.delivered();
      }
      try (Connection connection = elsewhere.get().getConnection()) {
        connection.setAutoCommit(true);
        insert(connection, delivery);
      }
      return DeliveryOutcome.delivered();
    } catch (SQLException e) {
      String reason = "table " + table + ": " + e.getMessage();
      // Class 42 is a missing table or column, or no right to write: trying again will not help.
      return e.getSQLState() != null && e.getSQLState().startsWith("42")
          ? DeliveryOutcome.refused(reason) : DeliveryOutcome.retryLater(reason);
    }
  }

  private void insert(Connection connection, Delivery delivery) throws SQLException {
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    String sql = "INSERT INTO " + table + " (reference, form_id, form_version, submitted_at, received_at, payload)"
        + " VALUES (?, ?, ?, ?, ?, ?)" + (postgres ? " ON CONFLICT (reference) DO NOTHING" : "");
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, delivery.submission().reference());
      insert.setString(2, delivery.submission().formId());
      insert.setInt(3, delivery.submission().formVersion());
      insert.setObject(4, LocalDateTime.ofInstant(delivery.submission().submittedAt(), ZoneOffset.UTC));
      insert.setObject(5, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      insert.setString(6, delivery.submission().json());
      insert.executeUpdate();
    } catch (SQLException e) {
      // Already there (H2, which keeps the transaction after a failed statement): delivered before.
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  @Override
  public String toString() {
    return "table " + table + (elsewhere.isPresent() ? " (another database)" : "");
  }
}

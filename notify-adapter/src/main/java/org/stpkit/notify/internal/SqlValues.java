package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How the outbox tables hold values: times as UTC in zone-less TIMESTAMP columns (the same on H2
 * and PostgreSQL, whatever the JVM's zone), and texts cut to fit their columns.
 */
final class SqlValues {
  private SqlValues() {}

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /**
   * Whether the connection is to PostgreSQL, where work over many rows is one statement over
   * arrays ({@code = ANY(?)}, {@code unnest}) rather than a JDBC batch of one statement a row.
   */
  static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** A reason or detail cut to fit its VARCHAR(4000) column. */
  static String truncate(String text) {
    return text.length() > 3900 ? text.substring(0, 3900) : text;
  }
}

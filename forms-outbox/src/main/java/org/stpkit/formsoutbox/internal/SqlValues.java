package org.stpkit.formsoutbox.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How the outbox's tables hold values: times as UTC in zone-less TIMESTAMP columns (the same on H2
 * and PostgreSQL whatever the JVM's zone), reasons cut to fit their column.
 */
final class SqlValues {
  private SqlValues() {}

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /** A reason cut to fit its VARCHAR(4000) column. */
  static String reason(String text) {
    return text.length() > 3900 ? text.substring(0, 3900) + "..." : text;
  }

  /** A unique-key violation, by its SQL state (PostgreSQL and H2 alike). */
  static boolean isDuplicate(java.sql.SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}

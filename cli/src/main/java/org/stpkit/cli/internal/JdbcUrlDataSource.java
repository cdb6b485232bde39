package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource over a JDBC URL, for one-off commands (no pooling needed). */
final class JdbcUrlDataSource implements DataSource {
  private final String url;

  JdbcUrlDataSource(String url) {
    this.url = keptOpen(url);
  }

  /**
   * An H2 URL that keeps its database open until the JVM exits ({@code DB_CLOSE_DELAY=-1}, unless the
   * URL sets a delay of its own). Otherwise H2 closes a file database each time a command's statement
   * closes the last connection and opens it afresh for the next, and a statement made while the file
   * is being reopened can find no tables ({@code stp notify purge} did, after its first transaction).
   * A command's JVM closes the database as it exits.
   */
  static String keptOpen(String url) {
    if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())
        || url.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_DELAY=")) {
      return url;
    }
    return url + ";DB_CLOSE_DELAY=-1";
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return new PrintWriter(System.err);
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // One-off commands log nothing through the DataSource.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}

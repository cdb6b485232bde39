package org.stpkit.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust authentication), created for
 * one test run and dropped by {@link #close()}: the server is shared with whatever ran before.
 * Set {@code stp.postgres.url} (a JDBC URL of a database to connect to first) to use another server.
 */
public final class PostgresDatabase implements AutoCloseable {
  private static final String ADMIN_URL = System.getProperty("stp.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String name;
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  private PostgresDatabase(String name) {
    this.name = name;
    dataSource.setURL(ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
  }

  /** Creates {@code stp_<purpose>_<random>}. */
  public static PostgresDatabase create(String purpose) throws SQLException {
    String name = ("stp_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]", "_");
    try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new PostgresDatabase(name);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}

package org.stpkit.formsoutbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A transaction on the forms database opened only if an output asks for it: a webhook never holds a
 * connection while it waits for a receiver.
 */
final class LazyTransaction implements AutoCloseable {
  private final DataSource dataSource;
  private @Nullable Connection connection;

  LazyTransaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Connection connection() throws SQLException {
    if (connection == null) {
      Connection opened = dataSource.getConnection();
      opened.setAutoCommit(false);
      connection = opened;
    }
    return connection;
  }

  boolean isOpen() {
    return connection != null;
  }

  void commit() throws SQLException {
    if (connection != null) {
      connection.commit();
    }
  }

  void rollback() throws SQLException {
    if (connection != null) {
      connection.rollback();
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      try {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
      } finally {
        connection.close();
        connection = null;
      }
    }
  }
}

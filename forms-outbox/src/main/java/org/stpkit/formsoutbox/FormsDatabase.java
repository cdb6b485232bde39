package org.stpkit.formsoutbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.stpkit.formsoutbox.internal.OutboxSchema;

/**
 * The one database where forms-engine keeps what must survive a restart: the submission outbox (and
 * any other durable forms state), one set of Flyway migrations ({@code forms_schema_history}) over
 * one DataSource. PostgreSQL in production (give it a pooled DataSource); H2 embedded to try it.
 *
 * <pre>{@code
 * FormsDatabase database = FormsDatabase.on(hikariDataSource);            // migrates on the way
 * FormsDatabase local = FormsDatabase.embedded(Path.of("data/forms"));    // an H2 file
 * }</pre>
 *
 * <p>Close it when the application stops, after whatever uses it ({@link FormsOutbox}, a progress
 * store): an H2 database made here is shut down and its file unlocked; a DataSource given to {@link
 * #on} is the caller's, and is left open.
 */
public final class FormsDatabase implements AutoCloseable {
  /** Request threads writing submissions, the delivery scheduler's threads, with room to spare. */
  private static final int EMBEDDED_CONNECTIONS = 32;

  private final DataSource dataSource;
  private final boolean postgres;
  private final boolean ownsDatabase;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FormsDatabase(DataSource dataSource, boolean ownsDatabase) {
    this.dataSource = dataSource;
    this.ownsDatabase = ownsDatabase;
    try {
      this.postgres = OutboxSchema.migrate(dataSource);
    } catch (RuntimeException e) {
      // Nobody else holds a database made here: shut it down rather than leave the file locked.
      if (ownsDatabase) {
        try {
          shutDown();
        } catch (RuntimeException shutDownFailure) {
          e.addSuppressed(shutDownFailure);
        }
      }
      throw e;
    }
  }

  /**
   * The forms database on a DataSource (PostgreSQL or H2), its tables created or brought up to date.
   * Instances starting together are safe: Flyway migrates under a lock.
   *
   * @throws FormsOutboxException when it cannot be reached or migrated
   */
  public static FormsDatabase on(DataSource dataSource) {
    return new FormsDatabase(Objects.requireNonNull(dataSource, "dataSource"), false);
  }

  /**
   * An H2 database in this file (H2 adds {@code .mv.db}), for one instance. It stays open, and the
   * file locked, until {@link #close()} (or until this JVM stops): H2 otherwise closes a file database
   * whenever its last connection closes, and a thread opening it while another's close is under way
   * can find no tables.
   */
  public static FormsDatabase embedded(Path file) {
    JdbcConnectionPool h2 = JdbcConnectionPool.create(
        "jdbc:h2:file:" + Objects.requireNonNull(file, "file").toAbsolutePath() + ";DB_CLOSE_DELAY=-1", "", "");
    h2.setMaxConnections(EMBEDDED_CONNECTIONS);
    return new FormsDatabase(h2, true);
  }

  /**
   * An H2 database in this JVM's memory: gone when it is closed or the JVM stops. For tests and
   * trying things out.
   */
  public static FormsDatabase inMemory() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:stp-forms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new FormsDatabase(h2, true);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return postgres;
  }

  /**
   * Shuts down an H2 database made by {@link #embedded} or {@link #inMemory} (an in-memory one loses
   * its data; a file is unlocked, its data kept); does nothing to a DataSource given to {@link #on}.
   * Close what uses the database first. Closing twice does nothing.
   *
   * @throws FormsOutboxException when H2 cannot shut the database down
   */
  @Override
  public void close() {
    if (ownsDatabase && closed.compareAndSet(false, true)) {
      shutDown();
    }
  }

  private void shutDown() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new FormsOutboxException("Could not shut down the embedded forms database: " + e.getMessage(), e);
    } finally {
      if (dataSource instanceof JdbcConnectionPool pool) {
        pool.dispose();
      }
    }
  }
}

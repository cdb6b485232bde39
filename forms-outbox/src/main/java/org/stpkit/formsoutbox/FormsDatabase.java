package org.stpkit.formsoutbox;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
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
 */
public final class FormsDatabase {
  /** Request threads writing submissions, the delivery scheduler's threads, with room to spare. */
  private static final int EMBEDDED_CONNECTIONS = 32;

  private final DataSource dataSource;
  private final boolean postgres;

  private FormsDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.postgres = OutboxSchema.migrate(dataSource);
  }

  /**
   * The forms database on a DataSource (PostgreSQL or H2), its tables created or brought up to date.
   * Instances starting together are safe: Flyway migrates under a lock.
   *
   * @throws FormsOutboxException when it cannot be reached or migrated
   */
  public static FormsDatabase on(DataSource dataSource) {
    return new FormsDatabase(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * An H2 database in this file (H2 adds {@code .mv.db}), for one instance. It stays open, and the
   * file locked, until this JVM stops: H2 otherwise closes a file database whenever its last
   * connection closes, and a thread opening it while another's close is under way can find no tables.
   */
  public static FormsDatabase embedded(Path file) {
    JdbcConnectionPool h2 = JdbcConnectionPool.create(
        "jdbc:h2:file:" + Objects.requireNonNull(file, "file").toAbsolutePath() + ";DB_CLOSE_DELAY=-1", "", "");
    h2.setMaxConnections(EMBEDDED_CONNECTIONS);
    return new FormsDatabase(h2);
  }

  /** An H2 database in this JVM's memory: gone when it stops. For tests and trying things out. */
  public static FormsDatabase inMemory() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:stp-forms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new FormsDatabase(h2);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return postgres;
  }
}

package org.stpkit.formsoutbox;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
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

  /** An H2 database in this file (H2 adds {@code .mv.db}), for one instance. */
  public static FormsDatabase embedded(Path file) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + Objects.requireNonNull(file, "file").toAbsolutePath());
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

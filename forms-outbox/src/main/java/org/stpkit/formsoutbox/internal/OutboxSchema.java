package org.stpkit.formsoutbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.stpkit.formsoutbox.FormsOutboxException;

/**
 * The forms database's tables, created and kept up to date by Flyway ({@code forms_schema_history}):
 * the same on PostgreSQL and H2 but for db-scheduler's table and one index. Every forms module that
 * keeps durable state adds its migrations here, so that a service runs one database, one migration
 * history and one DataSource for all of them.
 */
public final class OutboxSchema {
  private OutboxSchema() {}

  /**
   * Migrates the database and says whether it is PostgreSQL.
   *
   * @throws FormsOutboxException when it cannot be reached or migrated
   */
  public static boolean migrate(DataSource dataSource) {
    boolean postgres;
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      postgres = product.contains("postgres");
      if (!postgres && !product.contains("h2")) {
        throw new FormsOutboxException("The forms database is " + product + "; forms-outbox supports PostgreSQL and H2");
      }
    } catch (SQLException e) {
      throw new FormsOutboxException("Cannot connect to the forms database: " + e.getMessage(), e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:org/stpkit/formsoutbox/db/common",
              "classpath:org/stpkit/formsoutbox/db/" + (postgres ? "postgresql" : "h2"))
          .table("forms_schema_history")
          // A database that already holds a service's own tables gets ours beside them.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new FormsOutboxException("Cannot create or update the forms database's tables: " + e.getMessage(), e);
    }
    return postgres;
  }
}

package org.stpkit.formsoutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormsDatabaseTest {
  @TempDir Path folder;

  @Test
  void closingAnEmbeddedDatabaseUnlocksItsFileAndKeepsItsData() throws Exception {
    Path file = folder.resolve("forms");
    Path stored = folder.resolve("forms.mv.db");
    FormsDatabase database = FormsDatabase.embedded(file);
    execute(database.dataSource(), "CREATE TABLE kept (id INT)");
    execute(database.dataSource(), "INSERT INTO kept VALUES (7)");
    // This JVM holds H2's lock on the file while the database is open.
    assertThatThrownBy(() -> tryLock(stored)).isInstanceOf(OverlappingFileLockException.class);

    database.close();
    database.close(); // a second close does nothing

    tryLock(stored); // no longer held
    try (FormsDatabase reopened = FormsDatabase.embedded(file)) {
      assertThat(count(reopened.dataSource(), "SELECT COUNT(*) FROM kept WHERE id = 7")).isEqualTo(1);
    }
  }

  @Test
  void closingAnInMemoryDatabaseDropsIt() throws Exception {
    FormsDatabase database = FormsDatabase.inMemory();
    DataSource dataSource = database.dataSource();
    execute(dataSource, "CREATE TABLE gone (id INT)");

    database.close();

    // The same URL now names a new, empty database: the old one and its memory were released.
    assertThatThrownBy(() -> count(dataSource, "SELECT COUNT(*) FROM gone"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("GONE");
  }

  @Test
  void closingLeavesADataSourceTheCallerGaveOpen() throws Exception {
    JdbcDataSource given = new JdbcDataSource();
    given.setURL("jdbc:h2:mem:forms-database-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    FormsDatabase database = FormsDatabase.on(given);

    database.close();

    // The outbox's tables are still there: the caller's database was not shut down.
    assertThat(count(given, "SELECT COUNT(*) FROM \"forms_schema_history\"")).isPositive();
    execute(given, "SHUTDOWN");
  }

  private static void tryLock(Path file) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      assertThat(lock).as("lock on " + file).isNotNull();
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}

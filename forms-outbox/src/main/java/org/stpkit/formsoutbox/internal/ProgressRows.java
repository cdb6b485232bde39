package org.stpkit.formsoutbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.spi.SavedProgress;
import org.stpkit.formsoutbox.FormsOutboxException;

/**
 * Saved journeys in {@code forms_saved_progress}: written when a user saves, used once under a row
 * lock ({@code SELECT ... FOR UPDATE}), so that two instances given the same link at once hand it to
 * one; attempts at the security question counted by an atomic update. Whenever progress is saved,
 * the answers of expired links are removed and rows long expired deleted.
 */
public final class ProgressRows {
  /** How long a row without answers is kept after its link expired, so that the link says "expired", not "unknown". */
  static final Duration KEEP_EXPIRED = Duration.ofDays(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<String, List<String>>>> ANSWERS = new TypeReference<>() {};
  private static final String COLUMNS = "id, token_hash, form_id, form_version, saved_at, expires_at, used_at,"
      + " attempts, security_answer_hash, return_path, progress";

  private final DataSource dataSource;

  public ProgressRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What {@code progress} holds: what a journey is made of, beside the columns. */
  private record Stored(Map<String, Map<String, List<String>>> answers, List<String> completedPages,
      @Nullable String language) {}

  public void save(SavedProgress progress) {
    String json;
    try {
      json = JSON.writeValueAsString(new Stored(progress.answers(), List.copyOf(progress.completedPages()),
          progress.language().orElse(null)));
    } catch (JsonProcessingException e) {
      throw new FormsOutboxException("Cannot write saved progress " + progress.id() + " as JSON: " + e.getMessage(), e);
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO forms_saved_progress (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?, ?, ?)")) {
          insert.setString(1, progress.id());
          insert.setString(2, progress.tokenHash());
          insert.setString(3, progress.formId());
          insert.setInt(4, progress.formVersion());
          insert.setObject(5, SqlValues.utc(progress.savedAt()));
          insert.setObject(6, SqlValues.utc(progress.expiresAt()));
          insert.setString(7, progress.securityAnswerHash().orElse(null));
          insert.setString(8, progress.returnPath());
          insert.setString(9, json);
          insert.executeUpdate();
        }
        purge(connection, progress.savedAt());
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("save progress " + progress.id() + " of form " + progress.formId(), e);
    }
  }

  public Optional<SavedProgress.Link> find(String tokenHash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
            + " FROM forms_saved_progress WHERE token_hash = ?")) {
      select.setString(1, tokenHash);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(link(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("read a saved link", e);
    }
  }

  public int countAttempt(String tokenHash) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE forms_saved_progress SET attempts = attempts + 1 WHERE token_hash = ?");
          PreparedStatement select = connection.prepareStatement(
              "SELECT attempts FROM forms_saved_progress WHERE token_hash = ?")) {
        update.setString(1, tokenHash);
        if (update.executeUpdate() == 0) {
          connection.rollback();
          return 0;
        }
        // The row is locked by the update until the commit: the count read is this attempt's.
        select.setString(1, tokenHash);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          int attempts = row.getInt(1);
          connection.commit();
          return attempts;
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("count an answer to a security question", e);
    }
  }

  public Optional<SavedProgress> use(String tokenHash, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Optional<SavedProgress> progress = lockedProgress(connection, tokenHash, now);
        if (progress.isPresent()) {
          try (PreparedStatement update = connection.prepareStatement("UPDATE forms_saved_progress SET used_at = ?,"
              + " progress = NULL, security_answer_hash = NULL WHERE token_hash = ?")) {
            update.setObject(1, SqlValues.utc(now));
            update.setString(2, tokenHash);
            update.executeUpdate();
          }
        }
        connection.commit();
        return progress;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("use a saved link", e);
    }
  }

  public void discard(String tokenHash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE forms_saved_progress SET progress = NULL,"
            + " security_answer_hash = NULL WHERE token_hash = ?")) {
      update.setString(1, tokenHash);
      update.executeUpdate();
    } catch (SQLException e) {
      throw failed("discard saved progress", e);
    }
  }

  /** The saved journey, its row locked until the transaction ends; empty when used, discarded or expired. */
  private static Optional<SavedProgress> lockedProgress(Connection connection, String tokenHash, Instant now)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
        + " FROM forms_saved_progress WHERE token_hash = ? FOR UPDATE")) {
      select.setString(1, tokenHash);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next() || row.getObject("used_at") != null || row.getString("progress") == null
            || !instant(row, "expires_at").isAfter(now)) {
          return Optional.empty();
        }
        Stored stored;
        try {
          stored = JSON.readValue(row.getString("progress"), Stored.class);
        } catch (JsonProcessingException e) {
          throw new FormsOutboxException("Saved progress " + row.getString("id") + " cannot be read: "
              + e.getOriginalMessage(), e);
        }
        return Optional.of(new SavedProgress(row.getString("id"), tokenHash, row.getString("form_id"),
            row.getInt("form_version"), stored.answers() == null ? Map.of() : new LinkedHashMap<>(stored.answers()),
            stored.completedPages() == null ? Set.of() : Set.copyOf(stored.completedPages()),
            Optional.ofNullable(stored.language()), row.getString("return_path"),
            Optional.ofNullable(row.getString("security_answer_hash")), instant(row, "saved_at"),
            instant(row, "expires_at")));
      }
    }
  }

  /** The answers of expired links removed; rows long expired deleted. */
  private static void purge(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement expire = connection.prepareStatement("UPDATE forms_saved_progress SET progress = NULL,"
        + " security_answer_hash = NULL WHERE expires_at <= ? AND progress IS NOT NULL");
        PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM forms_saved_progress WHERE expires_at < ?")) {
      expire.setObject(1, SqlValues.utc(now));
      expire.executeUpdate();
      delete.setObject(1, SqlValues.utc(now.minus(KEEP_EXPIRED)));
      delete.executeUpdate();
    }
  }

  private static SavedProgress.Link link(ResultSet row) throws SQLException {
    return new SavedProgress.Link(row.getString("form_id"), instant(row, "saved_at"), instant(row, "expires_at"),
        row.getObject("used_at") != null, row.getInt("attempts"), Optional.ofNullable(row.getString("security_answer_hash")),
        row.getString("progress") == null);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    LocalDateTime value = row.getObject(column, LocalDateTime.class);
    return SqlValues.instant(value);
  }

  private static FormsOutboxException failed(String what, SQLException e) {
    return new FormsOutboxException("Cannot " + what + " in the forms database: " + e.getMessage(), e);
  }
}

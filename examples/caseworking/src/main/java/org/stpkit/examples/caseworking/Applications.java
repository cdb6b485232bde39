package org.stpkit.examples.caseworking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Applications and their case events, in the service's database (H2 by default, PostgreSQL in production). */
@Repository
public class Applications {
  private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public Applications(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void add(Application application) {
    jdbc.sql("""
            INSERT INTO applications (reference, applicant_name, applicant_email, permission_type, answers, status, submitted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(application.reference(), application.applicantName(), application.applicantEmail(),
            application.permissionType(), json.writeValueAsString(application.answers()), application.status().name(),
            Timestamp.from(application.submittedAt()))
        .update();
  }

  public Optional<Application> find(String reference) {
    return jdbc.sql("SELECT * FROM applications WHERE reference = ?").param(reference).query(this::application).optional();
  }

  /** The newest first. */
  public List<Application> all() {
    return jdbc.sql("SELECT * FROM applications ORDER BY submitted_at DESC, reference").query(this::application).list();
  }

  public void record(String reference, CaseEvent event) {
    jdbc.sql("INSERT INTO case_events (reference, milestone, detail, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
        .params(reference, event.milestone().name(), event.detail().orElse(null), event.recordedBy(),
            Timestamp.from(event.recordedAt()))
        .update();
    jdbc.sql("UPDATE applications SET status = ? WHERE reference = ?").params(event.milestone().name(), reference).update();
  }

  /** Oldest first. */
  public List<CaseEvent> events(String reference) {
    return jdbc.sql("SELECT milestone, detail, recorded_by, recorded_at FROM case_events WHERE reference = ? ORDER BY id")
        .param(reference)
        .query((row, number) -> new CaseEvent(Milestone.valueOf(row.getString("milestone")),
            Optional.ofNullable(row.getString("detail")), row.getString("recorded_by"), instant(row, "recorded_at")))
        .list();
  }

  private Application application(ResultSet row, int number) throws SQLException {
    Map<String, String> answers = json.readValue(row.getString("answers"), ANSWERS);
    return new Application(row.getString("reference"), row.getString("applicant_name"), row.getString("applicant_email"),
        row.getString("permission_type"), answers, Milestone.valueOf(row.getString("status")), instant(row, "submitted_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getTimestamp(column).toInstant();
  }
}

package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two sinks that come with the kit: JSON lines in a file the caller names, and the System.Logger. */
class AuditSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
  private static final AuditEvent STARTED = new AuditEvent.RunStarted(NOW, "run-1", LocalDate.of(2026, 11, 22), 1, 1,
      "digest", AuditEvent.Authority.APPROVED, Optional.of("Sam Jones"));
  private static final AuditEvent CHANGE = new AuditEvent.ChangeTried(NOW, "run-1", "E1", "jo.bloggs",
      Optional.of("id-1"), UserPlan.Kind.MOVER, new Change.AddGrant(Grant.group("/staff")), Optional.of("refused"));

  @TempDir
  Path folder;

  @Test
  void jsonLinesAppendsOneObjectALineMakingTheFileOnlyWhenTheFirstEventComes() throws Exception {
    Path file = folder.resolve("logs/audit.jsonl");
    try (AuditSink sink = AuditSink.jsonLines(file)) {
      assertThat(file).doesNotExist();
      sink.record(STARTED);
      sink.record(CHANGE);
      assertThat(Files.readAllLines(file)).as("flushed at once").hasSize(2);
    }
    try (AuditSink again = AuditSink.jsonLines(file)) {
      again.record(new AuditEvent.RunFinished(NOW, "run-1", 0, 1));
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).extracting(line -> line.path("event").asText())
        .containsExactly("run-started", "change", "run-finished");
    JsonNode change = lines.get(1);
    assertThat(change.path("employeeNumber").asText()).isEqualTo("E1");
    assertThat(change.path("userId").asText()).isEqualTo("id-1");
    assertThat(change.path("kind").asText()).isEqualTo("mover");
    assertThat(change.path("change").path("grant").asText()).isEqualTo("group:/staff");
    assertThat(change.path("outcome").asText()).isEqualTo("failed");
    assertThat(change.path("error").asText()).isEqualTo("refused");
    assertThat(lines.get(0).path("massChangeAllowed").asBoolean()).isFalse();
    assertThat(lines.get(0).path("authority").asText()).isEqualTo("approved");
    assertThat(lines.get(0).path("approver").asText()).isEqualTo("Sam Jones");
    assertThat(lines.get(0).path("planDigest").asText()).isEqualTo("digest");
  }

  @Test
  void aFileThatCannotBeWrittenStopsTheRun() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("plain"), "x");
    try (AuditSink sink = AuditSink.jsonLines(notAFolder.resolve("audit.jsonl"))) {
      assertThatThrownBy(() -> sink.record(STARTED)).isInstanceOf(IdamException.class)
          .hasMessageContaining("Cannot write the audit log");
    }
  }

  @Test
  void theDefaultSinkLogsTheSameJsonAndWritesNoFile() throws Exception {
    List<String> logged = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger("org.stpkit.idam.audit");
    logger.addHandler(handler);
    try {
      AuditSink.systemLogger().record(CHANGE);
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(logged).singleElement().satisfies(line ->
        assertThat(JSON.readTree(line).path("username").asText()).isEqualTo("jo.bloggs"));
  }
}

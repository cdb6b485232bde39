package org.stpkit.idam.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.AuditEvent;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.AuditSink;

/**
 * The audit trail as JSON, one object per event: {@code time}, {@code runId}, {@code event}
 * ({@code run-started}, {@code change}, {@code run-finished}), then the event's own fields; a
 * change has the user, the change with its before and after, and {@code outcome} ({@code applied}
 * or {@code failed} with {@code error}). The sinks that come with the kit write it.
 */
public final class AuditJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditJson() {}

  public static AuditSink fileSink(Path file) {
    return new FileSink(file);
  }

  public static AuditSink loggerSink() {
    return new LoggerSink();
  }

  /** One event as a line of JSON, without the line break. */
  static String line(AuditEvent event) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", event.time().toString());
    line.put("runId", event.runId());
    if (event instanceof AuditEvent.RunStarted started) {
      line.put("event", "run-started");
      line.put("day", started.day().toString());
      line.put("people", started.people());
      line.put("changes", started.changes());
      line.put("planDigest", started.planDigest());
      line.put("authority", PlanFormat.label(started.authority()));
      started.approver().ifPresent(name -> line.put("approver", name));
      line.put("massChangeAllowed", started.authority() == AuditEvent.Authority.BREAK_GLASS);
    } else if (event instanceof AuditEvent.ChangeTried tried) {
      line.put("event", "change");
      line.put("employeeNumber", tried.employeeNumber());
      line.put("username", tried.username());
      tried.userId().ifPresent(id -> line.put("userId", id));
      line.put("kind", PlanFormat.label(tried.kind()));
      line.set("change", PlanFormat.change(tried.change()));
      line.put("outcome", tried.applied() ? "applied" : "failed");
      tried.error().ifPresent(message -> line.put("error", message));
    } else if (event instanceof AuditEvent.RunFinished finished) {
      line.put("event", "run-finished");
      line.put("changesApplied", finished.changesApplied());
      line.put("failures", finished.failures());
    }
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Appends to a file, opened at the first event and flushed after every line. */
  private static final class FileSink implements AuditSink {
    private final Path file;
    private @Nullable Writer out;

    FileSink(Path file) {
      this.file = file;
    }

    @Override
    public synchronized void record(AuditEvent event) {
      try {
        Writer writer = open();
        writer.write(line(event));
        writer.write('\n');
        writer.flush();
      } catch (IOException e) {
        // Changes without an audit trail are not allowed: stop the run.
        throw new IdamException("Cannot write the audit log " + file + ": " + e.getMessage(), e);
      }
    }

    private Writer open() throws IOException {
      if (out == null) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      return out;
    }

    @Override
    public synchronized void close() {
      if (out == null) {
        return;
      }
      try {
        out.close();
      } catch (IOException e) {
        throw new IdamException("Cannot close the audit log " + file + ": " + e.getMessage(), e);
      } finally {
        out = null;
      }
    }

    @Override
    public String toString() {
      return "JSON lines in " + file;
    }
  }

  private static final class LoggerSink implements AuditSink {
    private static final System.Logger LOGGER = System.getLogger("org.stpkit.idam.audit");

    @Override
    public void record(AuditEvent event) {
      LOGGER.log(System.Logger.Level.INFO, line(event));
    }

    @Override
    public String toString() {
      return "the org.stpkit.idam.audit logger";
    }
  }
}

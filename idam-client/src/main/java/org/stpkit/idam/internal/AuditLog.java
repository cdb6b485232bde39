package org.stpkit.idam.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import org.stpkit.idam.Change;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.UserPlan;

/**
 * The audit trail: one JSON object per line for each change tried (run id, time, the user, the
 * change with its before and after, and whether it was applied), appended and flushed line by
 * line so a killed run still leaves a readable log up to its last step.
 */
public final class AuditLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;
  private final Clock clock;
  private final String runId;

  public AuditLog(Path file, Clock clock, String runId) {
    this.clock = clock;
    this.runId = runId;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IdamException("Cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  public void run(String event, ObjectNode details) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("runId", runId);
    line.put("event", event);
    line.setAll(details);
    write(line);
  }

  public void change(UserPlan user, Optional<String> userId, Change change, Optional<String> error) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("runId", runId);
    line.put("event", "change");
    line.put("employeeNumber", user.employeeNumber());
    line.put("username", user.username());
    userId.ifPresent(id -> line.put("userId", id));
    line.put("kind", PlanFormat.label(user.kind()));
    line.set("change", PlanFormat.change(change));
    line.put("outcome", error.isPresent() ? "failed" : "applied");
    error.ifPresent(message -> line.put("error", message));
    write(line);
  }

  public static ObjectNode details() {
    return JSON.createObjectNode();
  }

  private synchronized void write(ObjectNode line) {
    try {
      out.write(JSON.writeValueAsString(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      // Changes without an audit trail are not allowed: stop the run.
      throw new IdamException("Cannot write the audit log: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new IdamException("Cannot close the audit log: " + e.getMessage(), e);
    }
  }
}

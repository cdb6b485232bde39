package org.stpkit.idam;

import java.nio.file.Path;
import org.stpkit.idam.internal.AuditJson;

/**
 * Where the audit trail goes: the module's extension point. It sits in the API package, not in an
 * {@code spi} package, because it takes API values ({@link AuditEvent}) and the {@link Reconciler}
 * takes it: apart, the two packages would depend on each other.
 *
 * <p>{@link #record} is called for every event as it happens, from the
 * applying threads (so it must be thread-safe), and must have kept the event before it returns:
 * an exception stops the run, because changes without an audit trail are not allowed.
 *
 * <p>Two come with the kit: {@link #jsonLines(Path)}, a file of one JSON object per line, appended
 * and flushed line by line; and {@link #systemLogger()}, the same JSON through
 * {@link System.Logger} (the default, so a library writes no file nobody asked for). A team that
 * keeps audit elsewhere (a database table, a SIEM) implements this.
 */
public interface AuditSink extends AutoCloseable {
  void record(AuditEvent event);

  /** Releases what the sink holds; by default nothing. */
  @Override
  default void close() {
  }

  /**
   * Appends each event to {@code file} as one JSON object a line, flushed at once, so a killed run
   * still leaves a readable trail up to its last step. The file and its folders are made when the
   * first event comes.
   */
  static AuditSink jsonLines(Path file) {
    return AuditJson.fileSink(file);
  }

  /** Logs each event as JSON to the {@code org.stpkit.idam.audit} {@link System.Logger}, at INFO. */
  static AuditSink systemLogger() {
    return AuditJson.loggerSink();
  }
}

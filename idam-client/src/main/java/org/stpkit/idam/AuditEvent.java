package org.stpkit.idam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail of a run: the run starting (with what it was allowed), each change
 * tried with its outcome, and the run finishing. Handed to an {@link org.stpkit.idam.AuditSink}
 * as it happens, before the next change is tried.
 */
public sealed interface AuditEvent {
  /** When it happened, by the reconciler's clock. */
  Instant time();

  /** The run it belongs to, as in {@link ApplyResult#runId()}. */
  String runId();

  /**
   * An apply starting: the plan's day and size, and whether it was over the policy's thresholds and
   * allowed all the same (break-glass use of mass change).
   */
  record RunStarted(Instant time, String runId, LocalDate day, int people, int changes, boolean massChangeAllowed)
      implements AuditEvent {
    public RunStarted {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(day, "day");
    }
  }

  /** One change tried for one person: applied, or failed with Keycloak's or the tool's words. */
  record ChangeTried(Instant time, String runId, String employeeNumber, String username, Optional<String> userId,
      UserPlan.Kind kind, Change change, Optional<String> error) implements AuditEvent {
    public ChangeTried {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(change, "change");
    }

    public boolean applied() {
      return error.isEmpty();
    }
  }

  /** An apply finishing: how many changes were applied and how many people failed. */
  record RunFinished(Instant time, String runId, int changesApplied, int failures) implements AuditEvent {
    public RunFinished {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(runId, "runId");
    }
  }
}

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

  /** On what authority a run changes Keycloak. */
  enum Authority {
    /** The plan is within the policy's thresholds. */
    WITHIN_THRESHOLDS,
    /** Over the thresholds, approved by an approver the policy names (see {@link RunStarted#approver()}). */
    APPROVED,
    /** Over the thresholds and applied all the same by the operator's override ({@code --allow-mass-change}). */
    BREAK_GLASS
  }

  /**
   * An apply starting: the plan's day, size and digest, and on what authority it runs (with the
   * approver's name when approved).
   */
  record RunStarted(Instant time, String runId, LocalDate day, int people, int changes, String planDigest,
      Authority authority, Optional<String> approver) implements AuditEvent {
    public RunStarted {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(authority, "authority");
      if (approver.isPresent() != (authority == Authority.APPROVED)) {
        throw new IllegalArgumentException("An approver goes with an approved run, and only with one");
      }
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

package org.stpkit.idam;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** What an apply did: the run id (as in the audit log), how much was applied, and each person's failure. */
public record ApplyResult(String runId, int people, int changesApplied, List<Failure> failures, Duration took) {
  public ApplyResult {
    failures = List.copyOf(failures);
  }

  /**
   * A person whose changes stopped at {@code change}; their later changes were not tried.
   * {@code keycloakStatus} is Keycloak's HTTP answer, empty when it did not answer or the failure
   * was not Keycloak's (a group the policy names that does not exist, say).
   */
  public record Failure(String employeeNumber, String username, String change, String message,
      OptionalInt keycloakStatus) {
    @Override
    public String toString() {
      return employeeNumber + " (" + username + "): " + change + ": " + message;
    }
  }

  public boolean succeeded() {
    return failures.isEmpty();
  }
}

package org.stpkit.idam;

import java.util.List;

/**
 * A reviewed plan that apply refused, changing nothing, because what it was made from has changed
 * since: the day, the policy, the feed, or Keycloak (naming the users). Make and review the plan
 * again.
 */
public final class PlanDriftException extends IdamException {
  private static final long serialVersionUID = 1L;

  private final List<String> drift;

  public PlanDriftException(String plan, List<String> drift) {
    super("Refused, nothing changed: " + plan + " was made from what has changed since:\n  "
        + String.join("\n  ", drift) + "\nMake the plan again and review it.");
    if (drift.isEmpty()) {
      throw new IllegalArgumentException("A drift names at least one change");
    }
    this.drift = List.copyOf(drift);
  }

  /** What changed, one sentence each. */
  public List<String> drift() {
    return drift;
  }
}

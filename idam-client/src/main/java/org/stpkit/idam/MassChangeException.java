package org.stpkit.idam;

import java.util.List;

/** Apply refused: the plan crosses the policy's thresholds and mass change was not allowed. */
public final class MassChangeException extends IdamException {
  private final List<ThresholdBreach> breaches;

  public MassChangeException(List<ThresholdBreach> breaches) {
    super("Refused: the plan is over the policy's thresholds, so nothing was changed. Check the feed is whole;"
        + " if the change is meant, apply again allowing mass change.\n  "
        + String.join("\n  ", breaches.stream().map(ThresholdBreach::toString).toList()));
    this.breaches = List.copyOf(breaches);
  }

  /**
   * A reviewed plan over the thresholds without a valid approval; {@code approvalsRejected} when it
   * had approvals, none by a key the policy names for this plan.
   */
  public MassChangeException(List<ThresholdBreach> breaches, boolean approvalsRejected) {
    super("Refused: the plan is over the policy's thresholds and " + (approvalsRejected
        ? "none of its approvals is by an approver the policy names, for this plan" : "has no approval")
        + ", so nothing was changed. Have an approver sign it (stp idam approve), or, in an emergency, apply"
        + " allowing mass change.\n  "
        + String.join("\n  ", breaches.stream().map(ThresholdBreach::toString).toList()));
    this.breaches = List.copyOf(breaches);
  }

  public List<ThresholdBreach> breaches() {
    return breaches;
  }
}

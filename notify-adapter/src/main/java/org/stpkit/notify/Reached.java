package org.stpkit.notify;

import java.util.List;
import java.util.Objects;

/**
 * What reaching a milestone did.
 *
 * @param queued messages written to the outbox now
 * @param alreadyQueued messages the case already had for this milestone and recipient (nothing new written)
 * @param notApplicable names of messages whose condition did not hold
 */
public record Reached(String caseRef, String milestone, List<QueuedMessage> queued, List<String> alreadyQueued,
    List<String> notApplicable) {
  public Reached {
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(milestone, "milestone");
    queued = List.copyOf(queued);
    alreadyQueued = List.copyOf(alreadyQueued);
    notApplicable = List.copyOf(notApplicable);
  }
}

package org.stpkit.notify;

import java.time.Instant;
import java.util.Objects;

/** A message that could not be sent or delivered, with Notify's reason: fix the data or template, then re-drive it. */
public record FailedMessage(String id, String caseRef, String milestone, String messageName, Channel channel,
    String failureType, String failureMessage, int attempts, Instant failedAt) {
  public FailedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(messageName, "messageName");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(failureType, "failureType");
    Objects.requireNonNull(failureMessage, "failureMessage");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}

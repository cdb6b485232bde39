package org.stpkit.formsoutbox.spi;

import java.util.Objects;

/** What an attempt came to. */
public sealed interface DeliveryOutcome {
  /** The output has the submission. */
  static DeliveryOutcome delivered() {
    return Delivered.INSTANCE;
  }

  /** Worth trying again later (the receiver is down, busy, or did not answer): retried with backoff. */
  static DeliveryOutcome retryLater(String reason) {
    return new RetryLater(reason);
  }

  /** Refused for a reason trying again will not change: a dead letter at once, for an operator. */
  static DeliveryOutcome refused(String reason) {
    return new Refused(reason);
  }

  /** Delivered. */
  enum Delivered implements DeliveryOutcome { INSTANCE }

  /** To try again, and why. */
  record RetryLater(String reason) implements DeliveryOutcome {
    public RetryLater {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Refused for good, and why. */
  record Refused(String reason) implements DeliveryOutcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

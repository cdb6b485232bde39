package org.stpkit.formsoutbox;

/** Where a submission's delivery to one output stands. */
public enum DeliveryStatus {
  /** Recorded, not yet tried. */
  QUEUED,
  /** An instance is delivering it now (or stopped while it was: then it is tried again). */
  DELIVERING,
  /** Tried and not delivered; tried again after a backoff. */
  RETRYING,
  /** The output has it. */
  DELIVERED,
  /** The dead letter: refused, or given up on after the last attempt; waits for an operator's redrive. */
  FAILED
}

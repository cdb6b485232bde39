package org.stpkit.notify;

/** Where a message is in the outbox. */
public enum OutboxStatus {
  /** Written with its milestone, waiting to be sent. */
  QUEUED,
  /** A node has claimed it and its request to Notify is under way. */
  SENDING,
  /** A send failed in a way worth retrying (429, 5xx, no answer); it waits for its backoff. */
  RETRYING,
  /** Notify accepted it; its delivery status is not final yet. */
  SENT,
  /** Notify delivered it (or, for a letter, it was received by the post). */
  DELIVERED,
  /** Refused by Notify, given up after the last attempt, or not deliverable; an operator can re-drive it. */
  FAILED;

  /** Whether the message can still change without an operator. */
  public boolean isFinal() {
    return this == DELIVERED || this == FAILED;
  }
}

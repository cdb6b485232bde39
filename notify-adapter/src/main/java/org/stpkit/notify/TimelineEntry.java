package org.stpkit.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a case's timeline: the milestone that made it, where it is now, and everything
 * that happened to it (queued, sent with Notify's id, delivered or failed with the reason).
 */
public record TimelineEntry(String milestone, String messageName, Channel channel, String notifyReference,
    OutboxStatus status, Optional<String> notifyId, Optional<String> failure, Instant queuedAt, List<Event> events) {

  /** What happened to a message. */
  public enum EventKind {
    QUEUED, RETRYING, SENT, DELIVERED, FAILED,
    /** An operator queued a failed message again. */
    REDRIVEN
  }

  /** One thing that happened to a message. */
  public record Event(Instant at, EventKind status, Optional<String> detail) {
    public Event {
      java.util.Objects.requireNonNull(at, "at");
      java.util.Objects.requireNonNull(status, "status");
      java.util.Objects.requireNonNull(detail, "detail");
    }
  }

  public TimelineEntry {
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(messageName, "messageName");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(notifyReference, "notifyReference");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(notifyId, "notifyId");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(queuedAt, "queuedAt");
    events = List.copyOf(events);
  }
}

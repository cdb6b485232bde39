package org.stpkit.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a case's timeline: the milestone that made it, where it is now, and everything
 * that happened to it (queued, sent with Notify's id, delivered or failed with the reason).
 */
public record TimelineEntry(String milestone, String messageName, Channel channel, String notifyReference, String status,
    Optional<String> notifyId, Optional<String> failure, Instant queuedAt, List<Event> events) {

  /** One thing that happened to a message. */
  public record Event(Instant at, String status, Optional<String> detail) {}

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

package org.stpkit.notify;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Hours of the day (UK time) when a channel's non-urgent messages wait: by default no text
 * messages between 21:00 and 08:00. A window may run past midnight ({@code from} after {@code until}).
 */
public record QuietHours(LocalTime from, LocalTime until) {
  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (from.equals(until)) {
      throw new IllegalArgumentException("Quiet hours need a start and an end that differ: " + from);
    }
  }

  /** No texts between 21:00 and 08:00. */
  public static QuietHours textsDefault() {
    return new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
  }

  /** Whether a time of day is inside the window (its start included, its end not). */
  public boolean contains(LocalTime time) {
    if (from.isBefore(until)) {
      return !time.isBefore(from) && time.isBefore(until);
    }
    return !time.isBefore(from) || time.isBefore(until);
  }
}

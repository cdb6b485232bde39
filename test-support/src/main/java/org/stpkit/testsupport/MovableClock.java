package org.stpkit.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock a test moves on by hand, for code that takes a {@link Clock}. Thread-safe. */
public final class MovableClock extends Clock {
  private volatile Instant now;

  private MovableClock(Instant start) {
    this.now = start;
  }

  /** A clock that stands at {@code start} until moved. */
  public static MovableClock at(Instant start) {
    return new MovableClock(Objects.requireNonNull(start, "start"));
  }

  /** Moves the clock on. */
  public synchronized void advance(Duration duration) {
    now = now.plus(Objects.requireNonNull(duration, "duration"));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}

package org.stpkit.notifysimulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults the simulator injects into sends, on demand, to prove a client copes: a latency before
 * each answer, and shares of sends answered with a 500, with a 429, or accepted and then dropped
 * (the connection closed with no answer, so the client does not know the message was sent).
 * Thread-safe; change it while the simulator runs.
 */
public final class Faults {
  private volatile Duration latency = Duration.ZERO;
  private volatile double serverErrorRate;
  private volatile double rateLimitRate;
  private volatile double dropAfterAcceptRate;

  public Duration latency() {
    return latency;
  }

  public double serverErrorRate() {
    return serverErrorRate;
  }

  public double rateLimitRate() {
    return rateLimitRate;
  }

  public double dropAfterAcceptRate() {
    return dropAfterAcceptRate;
  }

  public Faults latency(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
    return this;
  }

  /** The share of sends (0 to 1) answered with 500 Internal server error, nothing stored. */
  public Faults serverErrorRate(double rate) {
    this.serverErrorRate = share(rate, "serverErrorRate");
    return this;
  }

  /** The share of sends answered with 429 RateLimitError, nothing stored. */
  public Faults rateLimitRate(double rate) {
    this.rateLimitRate = share(rate, "rateLimitRate");
    return this;
  }

  /** The share of sends stored and then left without an answer: the connection is closed. */
  public Faults dropAfterAcceptRate(double rate) {
    this.dropAfterAcceptRate = share(rate, "dropAfterAcceptRate");
    return this;
  }

  /** No faults. */
  public Faults clear() {
    latency = Duration.ZERO;
    serverErrorRate = 0;
    rateLimitRate = 0;
    dropAfterAcceptRate = 0;
    return this;
  }

  private static double share(double rate, String name) {
    if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
    }
    return rate;
  }
}

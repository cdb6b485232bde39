package org.stpkit.notifysimulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Faults the simulator injects, on demand, to prove a client copes. Thread-safe; change them while
 * the simulator runs.
 *
 * <ul>
 *   <li><b>Latency</b> per kind of request: the request is handled when it arrives and its answer
 *       leaves this much later, as from a slow network or a busy Notify.
 *   <li><b>Shares of sends</b> answered with a 500 or a 429 (nothing stored); or accepted, stored,
 *       and then given <b>no answer</b> (the connection left open, so the client waits its request
 *       timeout) or <b>reset</b> (the connection closed at once without an answer). Either way the
 *       client cannot know whether Notify has its message. A 0.1 server-error rate and a 0.05
 *       rate-limit rate fail 15% of sends; the no-answer and reset shares are of the sends accepted.
 *   <li>A <b>hold gate</b> per kind of request, for tests that must act while a request is in
 *       flight: held requests are handled (a send is stored, as Notify would have it) and then wait
 *       until {@link #release(RequestKind)}; {@link NotifySimulator#held(RequestKind)} counts them.
 * </ul>
 */
public final class Faults {
  private final Map<RequestKind, Duration> latencies = new EnumMap<>(RequestKind.class);
  private final Set<RequestKind> holding = EnumSet.noneOf(RequestKind.class);
  private final Consumer<RequestKind> onRelease;
  private volatile double serverErrorRate;
  private volatile double rateLimitRate;
  private volatile double dropAfterAcceptRate;
  private volatile double resetAfterAcceptRate;

  /** @param onRelease lets the requests of a kind that were held answer */
  Faults(Consumer<RequestKind> onRelease) {
    this.onRelease = onRelease;
  }

  /** The latency of sends. */
  public Duration latency() {
    return latency(RequestKind.SEND);
  }

  public synchronized Duration latency(RequestKind kind) {
    return latencies.getOrDefault(Objects.requireNonNull(kind, "kind"), Duration.ZERO);
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

  public double resetAfterAcceptRate() {
    return resetAfterAcceptRate;
  }

  /** Whether requests of this kind are held. */
  public synchronized boolean holds(RequestKind kind) {
    return holding.contains(Objects.requireNonNull(kind, "kind"));
  }

  /** A latency before the answer to every send. */
  public Faults latency(Duration latency) {
    return latency(RequestKind.SEND, latency);
  }

  /** A latency before the answer to every request of this kind. */
  public synchronized Faults latency(RequestKind kind, Duration latency) {
    Objects.requireNonNull(kind, "kind");
    if (Objects.requireNonNull(latency, "latency").isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    latencies.put(kind, latency);
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

  /**
   * The share of sends accepted and stored and then given no answer: the connection is left open, so
   * the client waits its request timeout (the simulator closes it after ten minutes, or when it
   * stops).
   */
  public Faults dropAfterAcceptRate(double rate) {
    this.dropAfterAcceptRate = share(rate, "dropAfterAcceptRate");
    return this;
  }

  /** The share of sends accepted and stored and then answered by closing the connection at once. */
  public Faults resetAfterAcceptRate(double rate) {
    this.resetAfterAcceptRate = share(rate, "resetAfterAcceptRate");
    return this;
  }

  /** Requests of this kind are handled and then wait, unanswered, until {@link #release(RequestKind)}. */
  public synchronized Faults hold(RequestKind kind) {
    holding.add(Objects.requireNonNull(kind, "kind"));
    return this;
  }

  /**
   * Requests of this kind answer again, and those held answer now (a client that gave up or died
   * meanwhile just has a closed connection).
   */
  public Faults release(RequestKind kind) {
    synchronized (this) {
      holding.remove(Objects.requireNonNull(kind, "kind"));
    }
    // Outside the lock: the held answers are written by the simulator, which reads these faults.
    onRelease.accept(kind);
    return this;
  }

  /** No faults: no latency, no errors, nothing held (held requests answer now). */
  public Faults clear() {
    synchronized (this) {
      latencies.clear();
      holding.clear();
    }
    serverErrorRate = 0;
    rateLimitRate = 0;
    dropAfterAcceptRate = 0;
    resetAfterAcceptRate = 0;
    EnumSet.allOf(RequestKind.class).forEach(onRelease);
    return this;
  }

  private static double share(double rate, String name) {
    if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
    }
    return rate;
  }
}

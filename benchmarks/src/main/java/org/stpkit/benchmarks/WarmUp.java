package org.stpkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load run's warm-up: it lasts until the servers stop getting faster, not for a fixed time. A forms
 * server's JIT takes minutes, not seconds, to compile a whole journey's code when the load client,
 * Redis and PostgreSQL share its two cores: measured on 2026-12-06, one instance on Redis went from
 * 120 cycles/s in its first 5 s to 740 after a minute and about 1,200 after two and a half, so a
 * 10-second warm-up measured the compiler, not the server.
 *
 * <p>The rate is read every {@link #STEP_SECONDS} seconds. Once at least {@code minSeconds} have
 * passed, the warm-up ends when the last {@link #BLOCK_STEPS} steps ran no more than
 * {@link #STILL_GROWING} faster than the {@link #BLOCK_STEPS} before them; it ends anyway at
 * {@code maxSeconds}, reported as not steady.
 */
final class WarmUp {
  static final int STEP_SECONDS = 5;
  /** Six steps: 30 s, longer than the flat stretches seen while C2 works through its queue. */
  static final int BLOCK_STEPS = 6;
  static final double STILL_GROWING = 1.03;

  /** How the warm-up went: its length, whether the rate had settled, and the rate at every step. */
  record Result(int seconds, boolean steady, List<Double> cyclesPerSecondEveryStep) {}

  private WarmUp() {}

  /**
   * The longest warm-up: {@code -Dstp.warmUpMaxSeconds} (forms-load.sh's {@code WARMUP_MAX_SECONDS}),
   * never shorter than the least.
   */
  static int maxSeconds(int minSeconds) {
    return Math.max(minSeconds, Integer.getInteger("stp.warmUpMaxSeconds", minSeconds));
  }

  /** Waits while {@code cycles} (every cycle done, counted by the users) grows faster and faster. */
  static Result untilSteady(AtomicLong cycles, int minSeconds, int maxSeconds) throws InterruptedException {
    List<Double> rates = new ArrayList<>();
    long last = cycles.get();
    int elapsed = 0;
    if (maxSeconds < STEP_SECONDS) {
      // A smoke run: too short to read a rate.
      Thread.sleep(maxSeconds * 1000L);
      return new Result(maxSeconds, false, rates);
    }
    while (elapsed + STEP_SECONDS <= maxSeconds) {
      Thread.sleep(STEP_SECONDS * 1000L);
      elapsed += STEP_SECONDS;
      long now = cycles.get();
      rates.add(Math.round((now - last) * 10.0 / STEP_SECONDS) / 10.0);
      last = now;
      if (elapsed >= minSeconds && settled(rates)) {
        return new Result(elapsed, true, rates);
      }
    }
    return new Result(elapsed, false, rates);
  }

  static boolean settled(List<Double> rates) {
    int size = rates.size();
    if (size < 2 * BLOCK_STEPS) {
      return false;
    }
    double recent = mean(rates.subList(size - BLOCK_STEPS, size));
    double before = mean(rates.subList(size - 2 * BLOCK_STEPS, size - BLOCK_STEPS));
    return recent <= before * STILL_GROWING;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}

package org.stpkit.examples.caseworking;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the example's tests share: waiting for something that happens in the background, and reading a resource. */
final class Eventually {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Eventually() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after {@link #TIMEOUT}. */
  static void until(BooleanSupplier condition, String what) {
    until(condition, what, TIMEOUT);
  }

  /** As {@link #until(BooleanSupplier, String)}, waiting at most {@code timeout}. */
  static void until(BooleanSupplier condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + timeout.toSeconds() + " seconds for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what, e);
      }
    }
  }

  /** A text resource of the service, such as {@code /staff/hr-feed.csv}. */
  static String resource(String name) throws Exception {
    try (InputStream in = Eventually.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("No " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package org.stpkit.formsoutbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something the background delivery does, with a generous limit for a loaded machine. */
final class Eventually {
  private Eventually() {}

  static void within(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + limit.toSeconds() + " s: " + what);
      }
      Thread.sleep(100);
    }
  }
}

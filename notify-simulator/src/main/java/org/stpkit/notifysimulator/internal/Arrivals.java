package org.stpkit.notifysimulator.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import org.stpkit.notifysimulator.RequestKind;

/**
 * Requests that reached Notify's routes, per kind, whatever became of them: what a test counts, in
 * this process ({@code NotifySimulator.requests}) or another ({@code GET /_simulator/requests}).
 */
final class Arrivals {
  private final AtomicLongArray counts = new AtomicLongArray(RequestKind.values().length);

  void arrived(RequestKind kind) {
    counts.incrementAndGet(kind.ordinal());
  }

  long count(RequestKind kind) {
    return counts.get(kind.ordinal());
  }

  void forget() {
    for (int i = 0; i < counts.length(); i++) {
      counts.set(i, 0);
    }
  }
}

package org.stpkit.notifysimulator.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stpkit.notifysimulator.Faults;
import org.stpkit.notifysimulator.RequestKind;

/**
 * Answers held back by {@link Faults#hold(RequestKind)}, per kind of request, until released.
 * Parking checks the fault again after it parks, so an answer parked while the fault is being
 * released is never left behind.
 */
final class HoldGate {
  private final Faults faults;
  private final Map<RequestKind, List<Runnable>> parked = new EnumMap<>(RequestKind.class);

  HoldGate(Faults faults) {
    this.faults = faults;
  }

  /** Runs the answer now, or when requests of this kind are released. */
  void answer(RequestKind kind, Runnable answer) {
    if (!faults.holds(kind)) {
      answer.run();
      return;
    }
    synchronized (this) {
      parked.computeIfAbsent(kind, k -> new ArrayList<>()).add(answer);
    }
    if (!faults.holds(kind)) {
      release(kind);
    }
  }

  /** Runs every answer parked for this kind (each once, whoever calls). */
  void release(RequestKind kind) {
    List<Runnable> ready;
    synchronized (this) {
      ready = parked.remove(kind);
    }
    if (ready != null) {
      ready.forEach(Runnable::run);
    }
  }

  synchronized int count(RequestKind kind) {
    return parked.getOrDefault(kind, List.of()).size();
  }
}

package org.stpkit.spring.idam;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.ApplyResult;
import org.stpkit.idam.Plan;
import org.stpkit.idam.UserPlan;

/**
 * Joiners, movers and leavers as Micrometer counters: {@code stp.idam.jml.people} (people changed,
 * tagged {@code kind}: joiner, mover, leaver...), {@code stp.idam.jml.changes} (steps, tagged
 * {@code outcome}: applied or failed) and {@code stp.idam.jml.runs} (tagged {@code outcome}:
 * applied, unchanged, refused).
 */
final class IdamMetrics implements MeterBinder, IdamObserver {
  private volatile @Nullable MeterRegistry registry;

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    this.registry = meterRegistry;
  }

  @Override
  public void ran(Plan plan, Optional<ApplyResult> result, boolean refused) {
    MeterRegistry meters = registry;
    if (meters == null) {
      return;
    }
    String outcome = refused ? "refused" : result.isPresent() ? "applied" : "unchanged";
    Counter.builder("stp.idam.jml.runs").tag("outcome", outcome).register(meters).increment();
    result.ifPresent(applied -> {
      for (Map.Entry<UserPlan.Kind, Integer> count : plan.counts().entrySet()) {
        Counter.builder("stp.idam.jml.people").tag("kind", count.getKey().name().toLowerCase(Locale.ROOT))
            .register(meters).increment(count.getValue());
      }
      Counter.builder("stp.idam.jml.changes").tag("outcome", "applied").register(meters).increment(applied.changesApplied());
      Counter.builder("stp.idam.jml.changes").tag("outcome", "failed").register(meters).increment(applied.failures().size());
    });
  }
}

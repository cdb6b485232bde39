package org.stpkit.spring.forms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for forms: {@code stp.forms.page.render} (a timer of every request the form
 * servlets answer, tagged {@code form}, {@code method} and {@code status}) and {@code
 * stp.forms.submissions} (a counter tagged {@code form} and {@code outcome}: {@code sent}, or
 * {@code failed} when the submission handler threw and the user was asked to try again).
 */
final class FormMetrics implements MeterBinder, FormObserver {
  private volatile @Nullable MeterRegistry registry;

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    this.registry = meterRegistry;
  }

  @Override
  public void served(String formId, String method, int status, Duration took) {
    MeterRegistry meters = registry;
    if (meters != null) {
      Timer.builder("stp.forms.page.render").description("Time to answer a form page request")
          .tag("form", formId).tag("method", method).tag("status", Integer.toString(status))
          .register(meters).record(took);
    }
  }

  @Override
  public void submitted(String formId, boolean sent) {
    MeterRegistry meters = registry;
    if (meters != null) {
      Counter.builder("stp.forms.submissions").description("Completed forms handed to the submission handler")
          .tag("form", formId).tag("outcome", sent ? "sent" : "failed")
          .register(meters).increment();
    }
  }
}

package org.stpkit.spring.notify;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The simulator stands in for Notify: always, never, or (by default) in the dev profile when no API key is set. */
final class SimulatorCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment environment = context.getEnvironment();
    String mode = environment.getProperty("stp.notify.simulator.mode", "auto").trim().toLowerCase(java.util.Locale.ROOT);
    switch (mode) {
      case "always":
        return ConditionOutcome.match("stp.notify.simulator.mode is always");
      case "never":
        return ConditionOutcome.noMatch("stp.notify.simulator.mode is never");
      default:
        String key = environment.getProperty("stp.notify.api-key", "");
        if (!key.isBlank()) {
          return ConditionOutcome.noMatch("stp.notify.api-key is set");
        }
        return environment.acceptsProfiles(Profiles.of("dev"))
            ? ConditionOutcome.match("the dev profile is active and stp.notify.api-key is not set")
            : ConditionOutcome.noMatch("the dev profile is not active");
    }
  }
}

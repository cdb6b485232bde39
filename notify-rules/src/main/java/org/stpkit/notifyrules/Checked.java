package org.stpkit.notifyrules;

import java.util.Objects;
import java.util.Optional;

/**
 * A value checked against Notify's rules: the value as Notify would normalise it, or why Notify
 * would refuse it.
 */
public record Checked<T>(Optional<T> value, Optional<Refusal> refusal) {
  public Checked {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(refusal, "refusal");
    if (value.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("A checked value has either a value or a refusal");
    }
  }

  public static <T> Checked<T> valid(T value) {
    return new Checked<>(Optional.of(value), Optional.empty());
  }

  public static <T> Checked<T> refused(Refusal refusal) {
    return new Checked<>(Optional.empty(), Optional.of(refusal));
  }

  public boolean isValid() {
    return value.isPresent();
  }
}

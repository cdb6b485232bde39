package org.stpkit.examples.caseworking;

import java.util.Locale;
import java.util.Optional;

/** A decision on an application. */
public enum Decision {
  GRANTED,
  REFUSED;

  public String formValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Decision> fromFormValue(String value) {
    for (Decision decision : values()) {
      if (decision.formValue().equals(value)) {
        return Optional.of(decision);
      }
    }
    return Optional.empty();
  }
}

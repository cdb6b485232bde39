package org.stpkit.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** The rules an answer must meet beyond being given, for the question types they apply to. */
public record Validation(
    OptionalInt minLength,
    OptionalInt maxLength,
    OptionalInt maxWords,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    int decimalPlaces,
    boolean past,
    boolean future,
    Optional<LocalDate> after,
    Optional<LocalDate> before) {

  public static final Validation NONE = new Validation(OptionalInt.empty(), OptionalInt.empty(),
      OptionalInt.empty(), Optional.empty(), Optional.empty(), 0, false, false, Optional.empty(), Optional.empty());

  public Validation {
    Objects.requireNonNull(minLength, "minLength");
    Objects.requireNonNull(maxLength, "maxLength");
    Objects.requireNonNull(maxWords, "maxWords");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(before, "before");
  }
}

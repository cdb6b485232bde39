package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/** One choice of a radios, checkboxes or select question. */
public record Option(String value, LocalisedText text, Optional<LocalisedText> hint) {
  public Option {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(hint, "hint");
  }
}

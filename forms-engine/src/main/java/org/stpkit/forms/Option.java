package org.stpkit.forms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One choice of a radios, checkboxes or select question.
 *
 * @param reveal questions shown under the choice when it is chosen (GOV.UK's conditional reveal,
 *     an opt-in: each is asked, checked and sent only when the choice is made)
 */
public record Option(String value, LocalisedText text, Optional<LocalisedText> hint, List<Question> reveal) {
  public Option {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(hint, "hint");
    reveal = List.copyOf(reveal);
  }

  public static Option of(String value, LocalisedText text) {
    return new Option(value, text, Optional.empty(), List.of());
  }
}

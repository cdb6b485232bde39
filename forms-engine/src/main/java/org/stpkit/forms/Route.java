package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * Where to go after a page: to another page, or to check your answers, when the condition holds
 * (always, without one).
 */
public record Route(String to, Optional<Condition> when) {
  /** The {@link #to()} that skips to check your answers. */
  public static final String CHECK_ANSWERS = "check-answers";

  public Route {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(when, "when");
  }

  public boolean toCheckAnswers() {
    return to.equals(CHECK_ANSWERS);
  }
}

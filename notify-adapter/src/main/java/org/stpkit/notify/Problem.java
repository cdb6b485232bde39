package org.stpkit.notify;

import java.util.Objects;

/**
 * One problem, with where it is: a catalogue path ({@code DECISION_MADE.messages[0].templates.email})
 * or a case-data field ({@code applicant.email}).
 */
public record Problem(String where, String message) {
  public Problem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}

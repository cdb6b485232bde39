package org.stpkit.idam;

import java.util.Optional;

/**
 * A row of the HR feed that was left out, and why: where it is ({@code source:line}), which field,
 * and the employee number when the row had a readable one (that person is then held unchanged, not
 * treated as a leaver).
 */
public record FeedProblem(String source, int line, String field, Optional<String> employeeNumber, String message) {
  @Override
  public String toString() {
    return source + ":" + line + ": " + field + ": " + message;
  }
}

package org.stpkit.forms.internal.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user posted for one question: the fields as typed (to show again), and either the typed
 * value (empty for an optional question left blank) or the error.
 */
record ParsedAnswer(Map<String, List<String>> fields, Optional<Object> value, Optional<FieldError> error) {
  static ParsedAnswer valid(Map<String, List<String>> fields, Optional<Object> value) {
    return new ParsedAnswer(fields, value, Optional.empty());
  }

  static ParsedAnswer invalid(Map<String, List<String>> fields, FieldError error) {
    return new ParsedAnswer(fields, Optional.empty(), Optional.of(error));
  }

  boolean isValid() {
    return error.isEmpty();
  }
}

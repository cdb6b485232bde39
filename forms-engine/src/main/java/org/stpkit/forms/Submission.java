package org.stpkit.forms;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed journey: only the answers on the route the user took, as typed values ({@code String},
 * {@code java.math.BigDecimal}, {@code java.time.LocalDate}, {@code Boolean} for yes / no, {@code
 * List<String>} for checkboxes, {@link Address}, {@link PersonName}), in page order. Optional
 * questions left blank are not included. With {@code FormEngine.Builder.bindAnswersTo}, also as the
 * team's record: {@link #answersAs(Class)}.
 */
public record Submission(String formId, int formVersion, String reference, Map<String, Object> answers,
    Instant submittedAt, Optional<Record> boundAnswers) {
  public Submission {
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(reference, "reference");
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(boundAnswers, "boundAnswers");
  }

  /**
   * The answers as the record the engine binds them to ({@code FormEngine.Builder.bindAnswersTo}),
   * already checked with Jakarta Validation.
   *
   * @throws FormsException when the engine was not set to bind them to this type
   */
  public <R extends Record> R answersAs(Class<R> type) {
    Record bound = boundAnswers.orElseThrow(() -> new FormsException(
        "The answers of form '" + formId + "' are not bound to a record: build the engine with bindAnswersTo(" + type.getSimpleName() + ".class)"));
    if (!type.isInstance(bound)) {
      throw new FormsException("The answers of form '" + formId + "' are bound to " + bound.getClass().getName()
          + ", not " + type.getName());
    }
    return type.cast(bound);
  }
}

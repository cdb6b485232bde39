package org.stpkit.forms.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed journey: only the answers on the route the user took, as typed values ({@code String},
 * {@code java.math.BigDecimal}, {@code java.time.LocalDate}, {@code Boolean} for yes / no, {@code
 * List<String>} for checkboxes, {@code org.stpkit.forms.Address}, {@code org.stpkit.forms.PersonName},
 * {@code List<UploadedFile>} for a file question),
 * in page order. Optional questions left blank are not included. With {@code FormEngine.Builder.bindAnswersTo}, also as the
 * team's record: {@link #answersAs(Class)}. As JSON: {@code org.stpkit.forms.SubmissionJson}.
 *
 * @param route the paths of the pages the user's answers led through, in order
 * @param fileContents the content of each uploaded file among the answers ({@link UploadedFile}), by
 *     its id: the engine removes its own copies once the submission is sent, so keep what you need
 *     (the arrays are handed over, not copied: do not change them)
 */
public record Submission(String formId, int formVersion, String reference, Map<String, Object> answers,
    List<String> route, Instant submittedAt, Optional<Record> boundAnswers, Map<String, byte[]> fileContents) {
  public Submission {
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(reference, "reference");
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    route = List.copyOf(route);
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(boundAnswers, "boundAnswers");
    fileContents = Collections.unmodifiableMap(new LinkedHashMap<>(fileContents));
  }

  /** A submission without uploaded files. */
  public Submission(String formId, int formVersion, String reference, Map<String, Object> answers, List<String> route,
      Instant submittedAt, Optional<Record> boundAnswers) {
    this(formId, formVersion, reference, answers, route, submittedAt, boundAnswers, Map.of());
  }

  /**
   * The answers as the record the engine binds them to ({@code FormEngine.Builder.bindAnswersTo}),
   * already checked with Jakarta Validation.
   *
   * @throws IllegalStateException when the engine was not built to bind them to a record, and
   *     ClassCastException when it binds them to another type: mistakes in the calling code, not
   *     conditions to handle (this package names no API type, so that the API can name its types)
   */
  public <R extends Record> R answersAs(Class<R> type) {
    Record bound = boundAnswers.orElseThrow(() -> new IllegalStateException(
        "The answers of form '" + formId + "' are not bound to a record: build the engine with bindAnswersTo(" + type.getSimpleName() + ".class)"));
    if (!type.isInstance(bound)) {
      throw new ClassCastException("The answers of form '" + formId + "' are bound to " + bound.getClass().getName()
          + ", not " + type.getName());
    }
    return type.cast(bound);
  }
}

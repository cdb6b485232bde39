package org.stpkit.forms;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A completed journey: only the answers on the route the user took, as typed values ({@code String},
 * {@code java.math.BigDecimal}, {@code java.time.LocalDate}, {@code Boolean} for yes / no, {@code
 * List<String>} for checkboxes, {@link Address}, {@link PersonName}), in page order. Optional
 * questions left blank are not included.
 */
public record Submission(String formId, int formVersion, String reference, Map<String, Object> answers, Instant submittedAt) {
  public Submission {
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(reference, "reference");
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    Objects.requireNonNull(submittedAt, "submittedAt");
  }
}

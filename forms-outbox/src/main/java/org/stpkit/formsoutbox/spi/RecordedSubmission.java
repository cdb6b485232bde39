package org.stpkit.formsoutbox.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A submission as the outbox recorded it: its id, the form, the reference the user was shown, and
 * its JSON in forms-engine's versioned shape ({@code org.stpkit.forms.SubmissionJson}).
 */
public record RecordedSubmission(String id, String formId, int formVersion, String reference, Instant submittedAt,
    String json) {
  public RecordedSubmission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(json, "json");
  }
}

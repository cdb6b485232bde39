package org.stpkit.formsoutbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A dead letter: a submission's delivery to one output that was refused or given up on.
 *
 * @param id the delivery's id (also its idempotency key), for {@link FormsOutboxOperations#redrive}
 * @param reason the output's last answer, such as {@code HTTP 400 from https://...: ...}
 */
public record FailedDelivery(String id, String formId, String reference, String output, int attempts, String reason,
    Instant failedAt) {
  public FailedDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}

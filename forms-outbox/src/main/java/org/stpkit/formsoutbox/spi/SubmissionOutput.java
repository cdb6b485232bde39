package org.stpkit.formsoutbox.spi;

/**
 * Where a form's submissions are delivered: a receiving system's webhook, a table, an email. Called
 * on whichever instance is delivering, at least once per submission; repeats (after a retry, an
 * instance that stopped mid-delivery, an operator's redrive) carry the same {@link
 * Delivery#idempotencyKey()}. Outputs must be thread-safe, and should give every call a timeout.
 * A {@code RuntimeException} thrown counts as {@link DeliveryOutcome#retryLater}.
 */
@FunctionalInterface
public interface SubmissionOutput {
  DeliveryOutcome deliver(Delivery delivery);
}

package org.stpkit.formsoutbox.spi;

import java.sql.Connection;

/** One attempt to deliver a submission to one output. */
public interface Delivery {
  RecordedSubmission submission();

  /**
   * The same for every attempt at this submission and output, retries and an operator's redrive
   * included, so that a receiver can drop repeats (the webhook sends it as {@code Idempotency-Key}).
   */
  String idempotencyKey();

  /** 1 for the first attempt. */
  int attempt();

  /**
   * A connection to the forms database in the transaction that records this delivery as done: what
   * an output writes with it is committed exactly when the delivery is, and rolled back with it, so
   * an output into the forms database happens exactly once. Opened on first call; do not commit or
   * close it.
   */
  Connection transaction();
}

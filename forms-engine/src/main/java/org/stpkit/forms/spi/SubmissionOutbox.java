package org.stpkit.forms.spi;

/**
 * A {@link SubmissionHandler} that writes each completed journey durably, once, before the user sees
 * the confirmation: an outbox from which the submission is delivered later (forms-outbox keeps one
 * on PostgreSQL or H2). Given one, the engine asks it to {@link #record} on "Accept and send"
 * instead of claiming the session in the answer store and calling {@link #submit}: the outbox's
 * database is then what decides that a journey is sent, so a double click, a back-button resubmit,
 * a second instance or a retry after a lost answer all come back with the one reference recorded.
 */
public interface SubmissionOutbox extends SubmissionHandler {
  /**
   * Records the submission, in one transaction with marking its journey submitted, unless the
   * journey already has one.
   *
   * @param journeyKey stands for the user's journey and is the same on every attempt to send it
   *     (a digest of the session, never the session's id itself)
   * @return the reference of the journey's recorded submission: this one's, or that of the one
   *     recorded first
   * @throws RuntimeException when it could not be recorded; the user is told it was not sent and
   *     may try again, with nothing lost
   */
  String record(String journeyKey, Submission submission);

  /** Records the submission as its own journey (keyed by its reference). */
  @Override
  default void submit(Submission submission) {
    record(submission.reference(), submission);
  }
}

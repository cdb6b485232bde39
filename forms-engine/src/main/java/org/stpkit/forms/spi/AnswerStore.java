package org.stpkit.forms.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Where journeys are kept between requests. The default keeps them in memory; a store in Redis or a
 * database lets several servers share them. Implementations must be thread-safe.
 */
public interface AnswerStore {
  Optional<FormSession> find(String sessionId);

  /** Saves the session; it may be forgotten after {@code timeToLive} without a save. */
  void save(FormSession session, Duration timeToLive);

  void delete(String sessionId);

  /**
   * Claims the right to submit a session's answers, atomically: the first caller's reference wins
   * and is returned to every caller, so a double click or a back-button resubmit sends nothing twice.
   */
  String claimSubmission(String sessionId, String reference);

  /** Gives the claim back after the submission failed, so that the user can try again. */
  void releaseSubmission(String sessionId, String reference);
}

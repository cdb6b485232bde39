package org.stpkit.forms.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where journeys are kept between requests. The default keeps them in memory; a store in Redis or a
 * database lets several servers share them. Implementations must be thread-safe, and
 * {@link #update} atomic: two requests of one journey at once (two tabs, a double click) must not
 * lose each other's answers.
 */
public interface AnswerStore {
  Optional<FormSession> find(String sessionId);

  /** Saves a new session; it may be forgotten after {@code timeToLive} without an update. */
  void save(FormSession session, Duration timeToLive);

  /**
   * Changes the stored session atomically, applying {@code change} to its current state, and keeps
   * it for {@code timeToLive} more; empty when there is no such session (it expired).
   */
  Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive);

  void delete(String sessionId);

  /**
   * Claims the right to submit a session's answers, atomically: the first caller's reference wins
   * and is returned to every caller, so a double click or a back-button resubmit sends nothing twice.
   */
  String claimSubmission(String sessionId, String reference);

  /** Gives the claim back after the submission failed, so that the user can try again. */
  void releaseSubmission(String sessionId, String reference);
}

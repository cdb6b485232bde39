package org.stpkit.forms.spi;

import java.time.Duration;
import java.time.Instant;
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

  /**
   * The session marked as used at {@code now} and kept for {@code timeToLive} more, as it is then
   * ({@code updatedAt} is {@code now}): what forms-engine does on every page a user reads. Empty
   * when there is no such session, or when it was last used longer than {@code timeToLive} before
   * {@code now} (it has expired, even if the store still holds it), in which case it is left as it is.
   *
   * <p>The default finds the session and then updates it. A store on another machine should do it
   * in one round trip, and without counting it as a change that another request's {@link #update}
   * has to be made again after.
   */
  default Optional<FormSession> touch(String sessionId, Instant now, Duration timeToLive) {
    return find(sessionId)
        .filter(session -> !session.updatedAt().plus(timeToLive).isBefore(now))
        .flatMap(session -> update(sessionId, live -> live.touchedAt(now), timeToLive));
  }

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

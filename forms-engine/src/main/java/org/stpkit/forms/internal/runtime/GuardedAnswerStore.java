package org.stpkit.forms.internal.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.stpkit.forms.FormsException;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;

/**
 * The configured answer store, with any failure of the store itself (Redis unreachable, a timeout)
 * turned into {@link Unavailable}, which {@link JourneyFlow} answers with a 503 page. A failure of
 * the change an {@link #update} applies is the engine's own and passes through unchanged, so it is
 * not mistaken for the store's.
 */
final class GuardedAnswerStore implements AnswerStore {
  /** The answer store could not be used; the user is asked to try again later. */
  static final class Unavailable extends FormsException {
    private static final long serialVersionUID = 1L;

    Unavailable(String operation, RuntimeException cause) {
      super("The answer store failed to " + operation + ": " + cause, cause);
    }
  }

  /** A failure inside the engine's own change, carried through the store untouched. */
  private static final class ChangeFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChangeFailed(RuntimeException cause) {
      super(cause);
    }
  }

  private final AnswerStore store;

  GuardedAnswerStore(AnswerStore store) {
    this.store = store;
  }

  @Override
  public Optional<FormSession> find(String sessionId) {
    try {
      return store.find(sessionId);
    } catch (RuntimeException e) {
      throw new Unavailable("find a session", e);
    }
  }

  @Override
  public Optional<FormSession> touch(String sessionId, Instant now, Duration timeToLive) {
    try {
      return store.touch(sessionId, now, timeToLive);
    } catch (RuntimeException e) {
      throw new Unavailable("touch a session", e);
    }
  }

  @Override
  public void save(FormSession session, Duration timeToLive) {
    try {
      store.save(session, timeToLive);
    } catch (RuntimeException e) {
      throw new Unavailable("save a new session", e);
    }
  }

  @Override
  public Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive) {
    UnaryOperator<FormSession> guarded = session -> {
      try {
        return change.apply(session);
      } catch (RuntimeException e) {
        throw new ChangeFailed(e);
      }
    };
    try {
      return store.update(sessionId, guarded, timeToLive);
    } catch (ChangeFailed e) {
      throw (RuntimeException) e.getCause();
    } catch (RuntimeException e) {
      throw new Unavailable("update a session", e);
    }
  }

  @Override
  public void delete(String sessionId) {
    try {
      store.delete(sessionId);
    } catch (RuntimeException e) {
      throw new Unavailable("delete a session", e);
    }
  }

  @Override
  public String claimSubmission(String sessionId, String reference) {
    try {
      return store.claimSubmission(sessionId, reference);
    } catch (RuntimeException e) {
      throw new Unavailable("claim a submission", e);
    }
  }

  @Override
  public void releaseSubmission(String sessionId, String reference) {
    try {
      store.releaseSubmission(sessionId, reference);
    } catch (RuntimeException e) {
      throw new Unavailable("release a submission", e);
    }
  }
}

package org.stpkit.forms;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;

/** A store that fails as a client of an unreachable server does while {@code down}. */
final class SwitchableAnswerStore implements AnswerStore {
  final AtomicBoolean down = new AtomicBoolean();
  private final AnswerStore store;

  SwitchableAnswerStore(AnswerStore store) {
    this.store = store;
  }

  private void check() {
    if (down.get()) {
      throw new IllegalStateException("Connection refused: redis 127.0.0.1:6379");
    }
  }

  @Override
  public Optional<FormSession> find(String sessionId) {
    check();
    return store.find(sessionId);
  }

  @Override
  public void save(FormSession session, Duration timeToLive) {
    check();
    store.save(session, timeToLive);
  }

  @Override
  public Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive) {
    check();
    return store.update(sessionId, change, timeToLive);
  }

  @Override
  public void delete(String sessionId) {
    check();
    store.delete(sessionId);
  }

  @Override
  public String claimSubmission(String sessionId, String reference) {
    check();
    return store.claimSubmission(sessionId, reference);
  }

  @Override
  public void releaseSubmission(String sessionId, String reference) {
    check();
    store.releaseSubmission(sessionId, reference);
  }
}

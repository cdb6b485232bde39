package org.stpkit.forms.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.InMemoryAnswerStore;

/** Which failures count as the store's (a 503) and which are the engine's own. */
class GuardedAnswerStoreTest {
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void aFailureOfTheStoreIsUnavailableNamingWhatItTriedToDo() {
    GuardedAnswerStore guarded = new GuardedAnswerStore(new Unreachable());
    assertThatThrownBy(() -> guarded.find("s")).isInstanceOf(GuardedAnswerStore.Unavailable.class)
        .hasMessage("The answer store failed to find a session: java.lang.IllegalStateException: Connection refused");
  }

  @Test
  void everyOperationOfAStoreThatFailsIsUnavailable() {
    GuardedAnswerStore guarded = new GuardedAnswerStore(new Unreachable());
    FormSession session = FormSession.start("s", "f", "t", Instant.now());
    assertThatThrownBy(() -> guarded.save(session, HOUR)).isInstanceOf(GuardedAnswerStore.Unavailable.class);
    assertThatThrownBy(() -> guarded.update("s", s -> s, HOUR)).isInstanceOf(GuardedAnswerStore.Unavailable.class);
    assertThatThrownBy(() -> guarded.delete("s")).isInstanceOf(GuardedAnswerStore.Unavailable.class);
    assertThatThrownBy(() -> guarded.claimSubmission("s", "R")).isInstanceOf(GuardedAnswerStore.Unavailable.class);
    assertThatThrownBy(() -> guarded.releaseSubmission("s", "R")).isInstanceOf(GuardedAnswerStore.Unavailable.class);
  }

  @Test
  void aFailureOfTheChangeAppliedIsTheEnginesOwnAndPassesThroughUnchanged() {
    InMemoryAnswerStore store = new InMemoryAnswerStore(Clock.systemUTC());
    store.save(FormSession.start("s", "f", "t", Instant.now()), HOUR);
    GuardedAnswerStore guarded = new GuardedAnswerStore(store);
    IllegalArgumentException bug = new IllegalArgumentException("a bug in the engine");
    UnaryOperator<FormSession> failing = session -> {
      throw bug;
    };
    assertThatThrownBy(() -> guarded.update("s", failing, HOUR)).isSameAs(bug);
    assertThat(guarded.update("s", session -> session.touchedAt(Instant.now()), HOUR)).isPresent();
  }

  /** A store whose server cannot be reached. */
  private static final class Unreachable implements AnswerStore {
    @Override
    public Optional<FormSession> find(String sessionId) {
      throw new IllegalStateException("Connection refused");
    }

    @Override
    public void save(FormSession session, Duration timeToLive) {
      throw new IllegalStateException("Connection refused");
    }

    @Override
    public Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive) {
      throw new IllegalStateException("Connection refused");
    }

    @Override
    public void delete(String sessionId) {
      throw new IllegalStateException("Connection refused");
    }

    @Override
    public String claimSubmission(String sessionId, String reference) {
      throw new IllegalStateException("Connection refused");
    }

    @Override
    public void releaseSubmission(String sessionId, String reference) {
      throw new IllegalStateException("Connection refused");
    }
  }
}

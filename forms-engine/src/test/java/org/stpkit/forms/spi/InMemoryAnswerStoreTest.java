package org.stpkit.forms.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.stpkit.testsupport.MovableClock;

class InMemoryAnswerStoreTest {
  private final InMemoryAnswerStore store = new InMemoryAnswerStore(Clock.systemUTC());

  @Test
  void concurrentUpdatesOfOneJourneyLoseNoAnswers() throws Exception {
    store.save(FormSession.start("s1", "form", "csrf", Instant.now()), Duration.ofMinutes(5));
    ExecutorService tabs = Executors.newFixedThreadPool(8);
    List<Future<?>> updates = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String page = "/page-" + i;
      String question = "q" + i;
      updates.add(tabs.submit(() -> store.update("s1", session -> session.withPageAnswers(page,
          Map.of(question, Map.of(question, List.of("answer"))), Instant.now()), Duration.ofMinutes(5))));
    }
    for (Future<?> update : updates) {
      update.get();
    }
    tabs.shutdown();

    FormSession session = store.find("s1").orElseThrow();
    assertThat(session.answers()).hasSize(200);
    assertThat(session.completedPages()).hasSize(200);
  }

  @Test
  void anExpiredSessionIsGoneAndCannotBeUpdated() {
    MovableClock clock = MovableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
    InMemoryAnswerStore expiring = new InMemoryAnswerStore(clock);
    expiring.save(FormSession.start("s2", "form", "csrf", clock.instant()), Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(2));

    assertThat(expiring.find("s2")).isEmpty();
    assertThat(expiring.update("s2", session -> session, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void theFirstClaimOfASubmissionWins() {
    assertThat(store.claimSubmission("s3", "REF-1")).isEqualTo("REF-1");
    assertThat(store.claimSubmission("s3", "REF-2")).isEqualTo("REF-1");
    store.releaseSubmission("s3", "REF-1");
    assertThat(store.claimSubmission("s3", "REF-3")).isEqualTo("REF-3");
  }
}

package org.stpkit.formsredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;

/** The store's contract against the machine's Redis: keys, expiry, atomic merges, claims, the JSON kept. */
class RedisAnswerStoreIT {
  private static final Duration HOUR = Duration.ofHours(1);
  private static TestRedis redis;
  private static RedisSessions sessions;

  @BeforeAll
  static void connect() {
    redis = new TestRedis();
    sessions = anotherInstance();
  }

  @AfterAll
  static void cleanUp() {
    sessions.close();
    redis.close();
  }

  /** Sessions in this run's namespace over connections of their own, as another instance has. */
  private static RedisSessions anotherInstance() {
    return RedisSessions.builder(TestRedis.URL).namespace(redis.namespace).build();
  }

  private static FormSession newSession(String id) {
    return FormSession.start(id, "fishing-licence", "csrf-" + id, Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * A session hash as another version of forms-redis writes it: JSON and a version only (no time of
   * use), the JSON ending with {@code moreJson}; its key.
   */
  private static String writtenByAnotherVersion(String id, String moreJson) {
    String key = sessions.keyPrefix("fishing-licence") + id;
    redis.commands().hset(key, Map.of("v", "1", "d", "{\"id\":\"" + id + "\",\"formId\":\"fishing-licence\","
        + "\"csrfToken\":\"t\",\"answers\":{},\"completedPages\":[],\"submissionReference\":null,"
        + "\"createdAt\":\"2026-11-22T10:00:00Z\",\"updatedAt\":\"2026-11-22T10:00:00Z\"" + moreJson + "}"));
    redis.commands().pexpire(key, 60_000);
    return key;
  }

  @Test
  void keepsEachFormsSessionsUnderTheNamespaceAndTheFormsPrefix() {
    AnswerStore store = sessions.store("fishing-licence");
    store.save(newSession("keys-1"), HOUR);
    sessions.store("another-form").save(newSession("keys-2"), HOUR);

    assertThat(redis.keys()).contains(redis.namespace + ":form:fishing-licence:session:keys-1",
        redis.namespace + ":form:another-form:session:keys-2");
    assertThat(store.find("keys-2")).isEmpty();
    assertThat(store.find("keys-1")).isPresent();
  }

  @Test
  void everyComponentOfASessionComesBackAsItWasSaved() {
    AnswerStore store = sessions.store("fishing-licence");
    FormSession session = newSession("round-trip")
        .withPageAnswers("/name", Map.of("name", Map.of("name", List.of("Jo <b>\"Bloggs\"</b> 🎣"))), Instant.now())
        .withPageAnswers("/help", Map.of("help", Map.of("help", List.of("access", "equipment"))), Instant.now())
        .withSubmissionReference("FL-2345-6789", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    store.save(session, HOUR);

    assertThat(store.find("round-trip")).contains(session);
    // Read from its JSON by another instance, which has not seen it (this one keeps what it wrote).
    try (RedisSessions otherInstance = anotherInstance()) {
      assertThat(otherInstance.store("fishing-licence").find("round-trip")).contains(session);
    }
  }

  @Test
  void aSessionAnotherInstanceChangedIsReadAsItNowIsAndADeletedOneIsGone() {
    try (RedisSessions otherInstance = anotherInstance()) {
      AnswerStore here = sessions.store("fishing-licence");
      AnswerStore there = otherInstance.store("fishing-licence");
      here.save(newSession("changed-there"), HOUR);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      assertThat(here.touch("changed-there", now, HOUR).orElseThrow().answers()).isEmpty();
      assertThat(here.find("changed-there").orElseThrow().answers()).isEmpty();

      there.update("changed-there", session -> session.withPageAnswers("/name",
          Map.of("name", Map.of("name", List.of("Jo"))), now), HOUR);

      assertThat(here.touch("changed-there", now.plusSeconds(1), HOUR).orElseThrow().answers())
          .containsEntry("name", Map.of("name", List.of("Jo")));
      assertThat(here.find("changed-there").orElseThrow().answers()).containsKey("name");

      there.delete("changed-there");
      assertThat(here.find("changed-there")).isEmpty();
      assertThat(here.touch("changed-there", now.plusSeconds(2), HOUR)).isEmpty();
    }
  }

  @Test
  void everyUpdateRenewsTheExpiryAndAnUnrenewedSessionIsForgotten() throws Exception {
    AnswerStore store = sessions.store("fishing-licence");
    String key = sessions.keyPrefix("fishing-licence") + "expiry";
    store.save(newSession("expiry"), Duration.ofMinutes(1));
    assertThat(redis.commands().pttl(key)).isBetween(1L, 60_000L);

    store.update("expiry", session -> session.touchedAt(Instant.now()), HOUR);
    assertThat(redis.commands().pttl(key)).isGreaterThan(60_000L).isLessThanOrEqualTo(HOUR.toMillis());

    store.update("expiry", session -> session.touchedAt(Instant.now()), Duration.ofMillis(300));
    // Redis forgets it within a few hundred milliseconds; allow ten seconds on a loaded machine.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (store.find("expiry").isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(store.find("expiry")).isEmpty();
    assertThat(store.update("expiry", session -> session, HOUR)).isEmpty();
  }

  @Test
  void aPageReadMarksTheSessionUsedAndRenewsItsExpiryWithoutMakingANewVersion() {
    AnswerStore store = sessions.store("fishing-licence");
    String key = sessions.keyPrefix("fishing-licence") + "touch";
    FormSession saved = newSession("touch");
    store.save(saved, Duration.ofMinutes(1));
    Instant read = saved.updatedAt().plusSeconds(10);

    Optional<FormSession> touched = store.touch("touch", read, HOUR);

    assertThat(touched).contains(saved.touchedAt(read));
    assertThat(redis.commands().pttl(key)).isGreaterThan(60_000L).isLessThanOrEqualTo(HOUR.toMillis());
    assertThat(redis.commands().hget(key, "v")).isEqualTo("1");
    assertThat(store.find("touch").map(FormSession::updatedAt)).contains(read);
    // Another instance's change made from the version it read before the page read still writes at once.
    try (RedisSessions otherInstance = anotherInstance()) {
      otherInstance.store("fishing-licence").find("touch");
      store.touch("touch", read.plusSeconds(1), HOUR);
      assertThat(otherInstance.store("fishing-licence").update("touch", session -> session.inLanguage("cy", read), HOUR)
          .flatMap(FormSession::language)).contains("cy");
    }
    assertThat(redis.commands().hget(key, "v")).isEqualTo("2");
  }

  @Test
  void aSessionLastUsedLongerAgoThanItsTimeToLiveIsNotTouched() {
    AnswerStore store = sessions.store("fishing-licence");
    String key = sessions.keyPrefix("fishing-licence") + "stale";
    FormSession saved = newSession("stale");
    store.save(saved, HOUR);

    assertThat(store.touch("stale", saved.updatedAt().plus(Duration.ofMinutes(2)), Duration.ofMinutes(1))).isEmpty();
    assertThat(redis.commands().hget(key, "t")).isEqualTo(Long.toString(saved.updatedAt().toEpochMilli()));
    assertThat(store.touch("no-such-session", Instant.now(), HOUR)).isEmpty();
  }

  @Test
  void aSessionAnEarlierVersionWroteWithoutItsTimeOfUseIsTouchedByAChange() {
    String key = writtenByAnotherVersion("older", "");
    Instant read = Instant.parse("2026-11-22T10:05:00Z");

    Optional<FormSession> touched = sessions.store("fishing-licence").touch("older", read, HOUR);

    assertThat(touched.map(FormSession::updatedAt)).contains(read);
    assertThat(redis.commands().hget(key, "v")).isEqualTo("2");
    assertThat(redis.commands().pttl(key)).isGreaterThan(60_000L);
  }

  @Test
  void concurrentChangesToOneJourneyAreMergedAndNoneIsLost() throws Exception {
    AnswerStore store = sessions.store("fishing-licence");
    store.save(newSession("tabs"), HOUR);
    int writers = 8;
    int pagesEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int writer = 0; writer < writers; writer++) {
      int w = writer;
      done.add(pool.submit(() -> {
        for (int page = 0; page < pagesEach; page++) {
          String question = "q" + w + "-" + page;
          store.update("tabs", session -> session.withPageAnswers("/" + question,
              Map.of(question, Map.of(question, List.of("answer " + question))), Instant.now()), HOUR);
        }
        return null;
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();

    FormSession merged = store.find("tabs").orElseThrow();
    assertThat(merged.answers()).hasSize(writers * pagesEach);
    assertThat(merged.completedPages()).hasSize(writers * pagesEach);
    assertThat(merged.answers().get("q7-24")).isEqualTo(Map.of("q7-24", List.of("answer q7-24")));
  }

  @Test
  void aChangeMadeFromASessionAnotherInstanceHasSinceChangedIsMadeAgainFromTheNewerOne() {
    // Two stores over separate connections, as two instances: this thread's read through `here`
    // is out of date once `there` writes, and the change must be made from what `there` wrote.
    try (RedisSessions otherInstance = anotherInstance()) {
      AnswerStore here = sessions.store("fishing-licence");
      AnswerStore there = otherInstance.store("fishing-licence");
      here.save(newSession("stale"), HOUR);
      assertThat(here.find("stale")).isPresent();

      there.update("stale", session -> session.withPageAnswers("/elsewhere",
          Map.of("elsewhere", Map.of("elsewhere", List.of("written by the other instance"))), Instant.now()), HOUR);
      FormSession changed = here.update("stale", session -> session.withPageAnswers("/here",
          Map.of("here", Map.of("here", List.of("written here"))), Instant.now()), HOUR).orElseThrow();

      assertThat(changed.answers()).containsKeys("elsewhere", "here");
      assertThat(there.find("stale").orElseThrow().answers()).containsKeys("elsewhere", "here");
    }
  }

  @Test
  void theFirstClaimWinsAndOnlyItsOwnerGivesItBack() {
    AnswerStore store = sessions.store("fishing-licence");
    store.save(newSession("claim"), HOUR);

    assertThat(store.claimSubmission("claim", "FL-AAAA-AAAA")).isEqualTo("FL-AAAA-AAAA");
    assertThat(store.claimSubmission("claim", "FL-BBBB-BBBB")).isEqualTo("FL-AAAA-AAAA");
    store.releaseSubmission("claim", "FL-BBBB-BBBB");
    assertThat(store.claimSubmission("claim", "FL-CCCC-CCCC")).isEqualTo("FL-AAAA-AAAA");
    store.releaseSubmission("claim", "FL-AAAA-AAAA");
    assertThat(store.claimSubmission("claim", "FL-CCCC-CCCC")).isEqualTo("FL-CCCC-CCCC");
    // A claim is no change of the session: answers saved after it are kept, and it is gone with the session.
    store.update("claim", session -> session.touchedAt(Instant.now()), HOUR);
    store.delete("claim");
    assertThat(redis.keys()).noneMatch(key -> key.endsWith(":claim"));
  }

  @Test
  void readsASessionThatALaterVersionWroteWithMoreInIt() {
    writtenByAnotherVersion("newer", ",\"somethingAddedLater\":{\"x\":1}");

    Optional<FormSession> found = sessions.store("fishing-licence").find("newer");
    assertThat(found).isPresent();
    assertThat(found.get().csrfToken()).isEqualTo("t");
  }

  @Test
  void refusesNamesThatWouldMixUpKeys() {
    assertThatThrownBy(() -> sessions.store("Fishing Licence")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("formId");
    assertThatThrownBy(() -> RedisSessions.builder(TestRedis.URL).namespace("a:b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
  }

  @Test
  void aRedisThatCannotBeReachedAtStartIsNamedInTheError() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(() -> RedisSessions.builder("redis://127.0.0.1:" + closedPort).build())
        .isInstanceOf(RedisSessionsException.class)
        .hasMessageStartingWith("Cannot connect to Redis at 127.0.0.1:" + closedPort);
  }
}

package org.stpkit.forms.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The default answer store: sessions in this JVM's memory, forgotten after their time to live.
 * Expired sessions are swept on writes, so memory stays bounded by the sessions active within a
 * time to live.
 */
public final class InMemoryAnswerStore implements AnswerStore {
  private record Entry(FormSession session, Instant expiresAt) {}

  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> claims = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Instant nextSweep = Instant.MIN;

  public InMemoryAnswerStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<FormSession> find(String sessionId) {
    Entry entry = sessions.get(sessionId);
    if (entry == null || entry.expiresAt().isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(entry.session());
  }

  @Override
  public void save(FormSession session, Duration timeToLive) {
    Instant now = clock.instant();
    sessions.put(session.id(), new Entry(session, now.plus(timeToLive)));
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plusSeconds(60);
      sessions.entrySet().removeIf(entry -> entry.getValue().expiresAt().isBefore(now));
      claims.keySet().removeIf(id -> !sessions.containsKey(id));
    }
  }

  @Override
  public Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive) {
    Instant now = clock.instant();
    Entry updated = sessions.computeIfPresent(sessionId, (id, entry) ->
        entry.expiresAt().isBefore(now) ? null : new Entry(change.apply(entry.session()), now.plus(timeToLive)));
    return updated == null ? Optional.empty() : Optional.of(updated.session());
  }

  @Override
  public void delete(String sessionId) {
    sessions.remove(sessionId);
    claims.remove(sessionId);
  }

  @Override
  public String claimSubmission(String sessionId, String reference) {
    return claims.computeIfAbsent(sessionId, id -> reference);
  }

  @Override
  public void releaseSubmission(String sessionId, String reference) {
    claims.remove(sessionId, reference);
  }

  /** Sessions held now, expired or not yet swept included: for tests and metrics. */
  public int size() {
    return sessions.size();
  }
}

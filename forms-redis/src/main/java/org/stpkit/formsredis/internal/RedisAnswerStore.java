package org.stpkit.formsredis.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.formsredis.RedisSessionsException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One form's journeys in Redis: each a hash under {@code <prefix><session id>} with the session's
 * JSON, a version, the time it was last used and the submission claim, forgotten after its time to
 * live, which every write and every page read renews. Changes are made from the stored session as
 * it is and written only if no other request wrote in between ({@link SessionScripts#UPDATE}); a
 * page read is one script that reads the session and marks it used ({@link SessionScripts#TOUCH}).
 *
 * <p>forms-engine reads a session and then changes it in the same request. The session this thread
 * last read or wrote is kept, so the change is tried against its version straight away, one round
 * trip instead of two; the version check makes that safe, and a change that finds the version moved
 * on reads again as before. The sessions it read or wrote are kept with their JSON
 * ({@link ReadSessions}), so JSON it has seen is not parsed again.
 */
final class RedisAnswerStore implements AnswerStore {
  /** How often a change is made afresh when other requests of the same journey keep writing first. */
  private static final int MAX_ATTEMPTS = 100;

  private final UnifiedJedis redis;
  private final String prefix;
  private final String server;
  private final ThreadLocal<Stored> lastSeen = new ThreadLocal<>();
  /** Sessions by the JSON they were read from or written as: most reads find the JSON last seen here. */
  private final ReadSessions readSessions = new ReadSessions();

  RedisAnswerStore(UnifiedJedis redis, String prefix, String server) {
    this.redis = redis;
    this.prefix = prefix;
    this.server = server;
  }

  @Override
  public Optional<FormSession> find(String sessionId) {
    return read(sessionId, "reading a session").map(Stored::session);
  }

  @Override
  public void save(FormSession session, Duration timeToLive) {
    String json = SessionJson.write(session);
    call("saving a new session", () -> SessionScripts.SAVE.run(redis, key(session.id()), json,
        epochMillis(session.updatedAt()), millis(timeToLive)));
    readSessions.remember(key(session.id()), json, session);
    lastSeen.set(new Stored(key(session.id()), session, "1"));
  }

  @Override
  public Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive) {
    String key = key(sessionId);
    Stored seen = lastSeen.get();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Stored> stored = attempt == 1 && seen != null && seen.key().equals(key)
          ? Optional.of(seen)
          : read(sessionId, "reading a session to change it");
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      FormSession changed = change.apply(stored.get().session());
      String json = SessionJson.write(changed);
      Object written = call("changing a session", () -> SessionScripts.UPDATE.run(redis, key,
          stored.get().version(), json, epochMillis(changed.updatedAt()), millis(timeToLive)));
      if (Long.valueOf(1).equals(written)) {
        readSessions.remember(key, json, changed);
        lastSeen.set(new Stored(key, changed, Long.toString(Long.parseLong(stored.get().version()) + 1)));
        return Optional.of(changed);
      }
      // Another request of this journey wrote first: make the change again from what it wrote.
      Thread.onSpinWait();
    }
    throw new RedisSessionsException("A session of " + prefix + "* at " + server + " was changed by other requests "
        + MAX_ATTEMPTS + " times while one change was being made");
  }

  @Override
  public Optional<FormSession> touch(String sessionId, Instant now, Duration timeToLive) {
    String key = key(sessionId);
    Object reply = call("reading a session", () -> SessionScripts.TOUCH.run(redis, key, epochMillis(now),
        epochMillis(now.minus(timeToLive)), millis(timeToLive)));
    if (!(reply instanceof List<?> fields) || fields.size() < 4) {
      lastSeen.remove();
      return Optional.empty();
    }
    FormSession session = session(key, String.valueOf(fields.get(0)), String.valueOf(fields.get(2)));
    String version = String.valueOf(fields.get(1));
    if ("1".equals(fields.get(3))) {
      FormSession touched = session.touchedAt(now);
      lastSeen.set(new Stored(key, touched, version));
      return Optional.of(touched);
    }
    if (session.updatedAt().plus(timeToLive).isBefore(now)) {
      lastSeen.remove();
      return Optional.empty();
    }
    // Written by an earlier version, which kept no time of last use: marked by a change instead.
    lastSeen.set(new Stored(key, session, version));
    return update(sessionId, live -> live.touchedAt(now), timeToLive);
  }

  @Override
  public void delete(String sessionId) {
    lastSeen.remove();
    readSessions.forget(key(sessionId));
    call("deleting a session", () -> redis.del(key(sessionId)));
  }

  @Override
  public String claimSubmission(String sessionId, String reference) {
    return String.valueOf(call("claiming a submission", () -> SessionScripts.CLAIM.run(redis, key(sessionId), reference)));
  }

  @Override
  public void releaseSubmission(String sessionId, String reference) {
    call("releasing a submission", () -> SessionScripts.RELEASE.run(redis, key(sessionId), reference));
  }

  /** A session as stored under its key, with the version a change must still find to be written. */
  private record Stored(String key, FormSession session, String version) {}

  private Optional<Stored> read(String sessionId, String doing) {
    String key = key(sessionId);
    List<@Nullable String> fields = call(doing, () -> redis.hmget(key, "d", "v", "t"));
    String json = fields.size() < 3 ? null : fields.get(0);
    String version = fields.size() < 3 ? null : fields.get(1);
    if (json == null || version == null) {
      lastSeen.remove();
      return Optional.empty();
    }
    String lastUsed = fields.get(2);
    Stored stored = new Stored(key, session(key, json, lastUsed == null ? "" : lastUsed), version);
    lastSeen.set(stored);
    return Optional.of(stored);
  }

  /** The stored JSON's session, last used when the {@code t} field says if a page read since moved that on. */
  private FormSession session(String key, String json, String lastUsed) {
    // The key holds the session's secret id: messages name the form's prefix instead.
    FormSession session = readSessions.read(key, json, prefix + "<session>");
    if (lastUsed.isEmpty()) {
      return session;
    }
    Instant used = Instant.ofEpochMilli(Long.parseLong(lastUsed));
    return used.isAfter(session.updatedAt()) ? session.touchedAt(used) : session;
  }

  private <T> T call(String doing, Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new RedisSessionsException("Redis at " + server + " failed while " + doing + " of " + prefix + "*: "
          + e.getMessage(), e);
    }
  }

  private String key(String sessionId) {
    return prefix + sessionId;
  }

  private static String epochMillis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }

  private static String millis(Duration timeToLive) {
    return Long.toString(Math.max(1, timeToLive.toMillis()));
  }
}

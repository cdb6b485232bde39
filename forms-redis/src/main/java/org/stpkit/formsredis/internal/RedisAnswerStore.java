package org.stpkit.formsredis.internal;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.formsredis.RedisSessionsException;

/**
 * One form's journeys in Redis: each a hash under {@code <prefix><session id>} with the session's
 * JSON, a version and the submission claim, forgotten after its time to live, which every write
 * renews (and forms-engine writes on every page, read or posted). Changes are made from the stored
 * session as it is and written only if no other request wrote in between ({@link SessionScripts#UPDATE}).
 *
 * <p>forms-engine reads a session and then changes it in the same request. The session this thread
 * last read or wrote is kept, so the change is tried against its version straight away, one round
 * trip instead of two; the version check makes that safe, and a change that finds the version moved
 * on reads again as before.
 */
final class RedisAnswerStore implements AnswerStore {
  /** How often a change is made afresh when other requests of the same journey keep writing first. */
  private static final int MAX_ATTEMPTS = 100;

  private final RedisCommands<String, String> redis;
  private final String prefix;
  private final String server;
  private final ThreadLocal<Stored> lastSeen = new ThreadLocal<>();

  RedisAnswerStore(RedisCommands<String, String> redis, String prefix, String server) {
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
    call("saving a new session", () -> SessionScripts.SAVE.<Long>run(redis, ScriptOutputType.INTEGER,
        key(session.id()), SessionJson.write(session), millis(timeToLive)));
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
      long written = call("changing a session", () -> SessionScripts.UPDATE.<Long>run(redis, ScriptOutputType.INTEGER,
          key, stored.get().version(), json, millis(timeToLive)));
      if (written == 1) {
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
  public void delete(String sessionId) {
    lastSeen.remove();
    call("deleting a session", () -> redis.del(key(sessionId)));
  }

  @Override
  public String claimSubmission(String sessionId, String reference) {
    return call("claiming a submission", () -> SessionScripts.CLAIM.<String>run(redis, ScriptOutputType.VALUE,
        key(sessionId), reference));
  }

  @Override
  public void releaseSubmission(String sessionId, String reference) {
    call("releasing a submission", () -> SessionScripts.RELEASE.<Long>run(redis, ScriptOutputType.INTEGER,
        key(sessionId), reference));
  }

  /** A session as stored under its key, with the version a change must still find to be written. */
  private record Stored(String key, FormSession session, String version) {}

  private Optional<Stored> read(String sessionId, String doing) {
    String key = key(sessionId);
    List<KeyValue<String, String>> fields = call(doing, () -> redis.hmget(key, "d", "v"));
    if (fields.size() < 2 || !fields.get(0).hasValue() || !fields.get(1).hasValue()) {
      lastSeen.remove();
      return Optional.empty();
    }
    // The key holds the session's secret id: messages name the form's prefix instead.
    Stored stored = new Stored(key, SessionJson.read(fields.get(0).getValue(), prefix + "<session>"),
        fields.get(1).getValue());
    lastSeen.set(stored);
    return Optional.of(stored);
  }

  private <T> T call(String doing, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new RedisSessionsException("Redis at " + server + " failed while " + doing + " of " + prefix + "*: "
          + e.getMessage(), e);
    }
  }

  private String key(String sessionId) {
    return prefix + sessionId;
  }

  private static String millis(Duration timeToLive) {
    return Long.toString(Math.max(1, timeToLive.toMillis()));
  }
}

package org.stpkit.formsredis.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.stpkit.forms.spi.FormSession;

/**
 * The sessions this instance has lately read or written, each with the exact JSON it came from or
 * went to. Every request brings its session's JSON back from Redis, and reading it with Jackson was
 * about a twelfth of a request's CPU; most of the time it is the JSON this instance last wrote or
 * read for that session. Reading the same JSON always gives the same session, so a session is taken
 * from here only when the JSON just fetched is equal, character for character, to the JSON kept with
 * it: a change by another instance (or another version) is different JSON, and is read afresh.
 *
 * <p>A fixed number of slots chosen by the session's key; a new entry replaces whatever held its
 * slot, so memory is bounded (sessions with JSON longer than {@link #MAX_JSON_LENGTH} are not
 * kept) and a collision only costs a read. No lock: entries are immutable.
 */
final class ReadSessions {
  /** A power of two: enough for the journeys under way on one instance at a time. */
  static final int SLOTS = 1024;
  /** Longer sessions (long answers) are read each time rather than kept. */
  static final int MAX_JSON_LENGTH = 16 * 1024;

  private record Entry(String key, String json, FormSession session) {}

  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

  /** The session this JSON holds; {@code where} names it in an error. */
  FormSession read(String key, String json, String where) {
    int slot = slot(key);
    Entry entry = slots.get(slot);
    if (entry != null && entry.key().equals(key) && entry.json().equals(json)) {
      return entry.session();
    }
    FormSession session = SessionJson.read(json, where);
    remember(key, json, session);
    return session;
  }

  /** A session as just written as {@code json}, which reading that JSON would give again. */
  void remember(String key, String json, FormSession session) {
    if (json.length() <= MAX_JSON_LENGTH) {
      slots.set(slot(key), new Entry(key, json, session));
    }
  }

  /** A deleted session's answers are not kept in memory after it. */
  void forget(String key) {
    int slot = slot(key);
    Entry entry = slots.get(slot);
    if (entry != null && entry.key().equals(key)) {
      slots.compareAndSet(slot, entry, null);
    }
  }

  private static int slot(String key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}

package org.stpkit.forms.internal.runtime;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.stpkit.forms.Question;

/**
 * The stored answers {@link Journey} has already checked, remembered across requests: every request
 * walks the route and checks each answered page again (an answer may have stopped being valid: a
 * date that had to be in the future), which for a long form was about a seventh of a request's CPU.
 *
 * <p>A parse is a function of the question, the fields as stored and today's date in the clock's
 * zone (the only input that changes on its own), so those three are the key: a changed answer or a
 * new day is a different key and is checked afresh, never answered from an older check. What is kept
 * is only whether the answer is valid and its typed value (immutable, shared by the requests that
 * find it): the walk needs no error message.
 *
 * <p>A fixed number of slots, each holding one entry chosen by the key's hash; a new entry replaces
 * whatever held its slot. Lookups take no lock, memory is bounded (answers longer than
 * {@link #MAX_CACHED_CHARACTERS} are checked every time rather than kept), and a collision only costs
 * a parse. Sessions on other instances are answered from each instance's own cache, so nothing here
 * needs to be shared.
 */
final class ParsedAnswerCache {
  /** A power of two: enough for a few hundred users' answers in flight on one form. */
  static final int SLOTS = 4096;
  /** Longer answers (long text) are cheap to check and would make the cache large. */
  static final int MAX_CACHED_CHARACTERS = 256;

  /** An answer as checked: valid or not, and its typed value (empty for an optional one left blank). */
  record Checked(boolean valid, Optional<Object> value) {}

  /** The question by identity (one definition's own objects), its stored fields, and the day checked on. */
  private record Key(Question question, Map<String, List<String>> fields, LocalDate today) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.question == question && key.today.equals(today)
          && key.fields.equals(fields);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(question) * 31 + fields.hashCode()) * 31 + today.hashCode();
    }
  }

  private record Entry(Key key, Checked checked) {}

  private final AnswerParser parser;
  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

  ParsedAnswerCache(AnswerParser parser) {
    this.parser = parser;
  }

  /**
   * The stored answer to {@code question} checked as on {@code today}. {@code stored} must not
   * change afterwards (a {@link org.stpkit.forms.spi.FormSession}'s answers never do).
   */
  Checked check(Question question, Map<String, List<String>> stored, LocalDate today) {
    if (characters(stored) > MAX_CACHED_CHARACTERS) {
      return checked(question, stored, today);
    }
    Key key = new Key(question, stored, today);
    int hash = key.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry entry = slots.get(slot);
    if (entry != null && entry.key().equals(key)) {
      return entry.checked();
    }
    Checked checked = checked(question, stored, today);
    slots.set(slot, new Entry(key, checked));
    return checked;
  }

  private Checked checked(Question question, Map<String, List<String>> stored, LocalDate today) {
    ParsedAnswer parsed = parser.parse(question, stored, today);
    return new Checked(parsed.isValid(), parsed.value());
  }

  private static int characters(Map<String, List<String>> stored) {
    int total = 0;
    for (Map.Entry<String, List<String>> field : stored.entrySet()) {
      total += field.getKey().length();
      for (String value : field.getValue()) {
        total += value.length();
      }
    }
    return total;
  }
}

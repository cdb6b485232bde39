package org.stpkit.forms.internal.runtime;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.Page;
import org.stpkit.forms.Repeat;
import org.stpkit.forms.spi.FormSession;

/**
 * How a repeating section's items are kept in a session, as plain answers: item 2's {@code name} under
 * {@code children/2/name}, its pages completed as {@code /children/2/name}, and the number of items
 * under the section's name ({@code children} → {@code items: [2]}).
 */
final class Repeats {
  private static final String ITEMS = "items";
  private static final Pattern ITEM_PATH = Pattern.compile("^(/.*)/([1-9][0-9]{0,3})(/.*)$");

  private Repeats() {}

  static int itemCount(FormSession session, Repeat repeat) {
    List<String> items = session.answers().getOrDefault(repeat.name(), Map.of()).getOrDefault(ITEMS, List.of());
    try {
      return items.isEmpty() ? 0 : Math.max(0, Math.min(Integer.parseInt(items.get(0)), repeat.max()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String prefix(Repeat repeat, int index) {
    return repeat.name() + "/" + index + "/";
  }

  /** What an item's conditions see: the answers so far, the item's own over them. */
  static Map<String, Object> scope(Map<String, Object> answers, Map<String, Object> item) {
    Map<String, Object> scope = new LinkedHashMap<>(answers);
    scope.putAll(item);
    return scope;
  }

  /** The item page a path names ({@code /children/2/name}), when the item could exist. */
  static Optional<Step> itemStep(FormDefinition form, String path) {
    Matcher matcher = ITEM_PATH.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Optional<Page> holder = form.page(matcher.group(1)).filter(page -> page.repeat().isPresent());
    int index = Integer.parseInt(matcher.group(2));
    if (holder.isEmpty() || index > holder.get().repeat().get().max()) {
      return Optional.empty();
    }
    return holder.get().repeat().get().pages().stream().filter(page -> page.path().equals(matcher.group(3)))
        .findFirst().map(page -> Step.inItem(holder.get(), index, page));
  }

  /** The session with this many items; the section's page is to be answered again when {@code reopen}. */
  static FormSession withItemCount(FormSession session, Page holder, int count, boolean reopen, Instant now) {
    Map<String, Map<String, List<String>>> answers = new HashMap<>(session.answers());
    answers.put(holder.repeat().orElseThrow().name(), Map.of(ITEMS, List.of(String.valueOf(count))));
    Set<String> completed = new HashSet<>(session.completedPages());
    if (reopen) {
      completed.remove(holder.path());
    } else {
      completed.add(holder.path());
    }
    return session.withAnswers(answers, completed, now);
  }

  /** The session without item {@code index}: later items move up one, answers and completed pages alike. */
  static FormSession withoutItem(FormSession session, Page holder, int index, Instant now) {
    Repeat repeat = holder.repeat().orElseThrow();
    int count = itemCount(session, repeat);
    Map<String, Map<String, List<String>>> answers = new HashMap<>();
    session.answers().forEach((key, fields) -> renumbered(key, repeat.name() + "/", index)
        .ifPresent(newKey -> answers.put(newKey, fields)));
    Set<String> completed = new HashSet<>();
    session.completedPages().forEach(path -> renumbered(path, holder.path() + "/", index).ifPresent(completed::add));
    answers.put(repeat.name(), Map.of(ITEMS, List.of(String.valueOf(Math.max(0, count - 1)))));
    return session.withAnswers(answers, completed, now);
  }

  /** A key or path of item {@code removed} is dropped; one of a later item is numbered one less. */
  private static Optional<String> renumbered(String key, String start, int removed) {
    if (!key.startsWith(start)) {
      return Optional.of(key);
    }
    String rest = key.substring(start.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return Optional.of(key);
    }
    int index;
    try {
      index = Integer.parseInt(rest.substring(0, slash));
    } catch (NumberFormatException e) {
      return Optional.of(key);
    }
    if (index == removed) {
      return Optional.empty();
    }
    return Optional.of(index < removed ? key : start + (index - 1) + rest.substring(slash));
  }
}

package org.stpkit.forms.internal.runtime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.Page;
import org.stpkit.forms.Question;
import org.stpkit.forms.Repeat;
import org.stpkit.forms.Route;
import org.stpkit.forms.spi.FormSession;

/**
 * A user's route through a form, worked out afresh from the answers each time: from the start
 * page, through each completed page by its routes, to the first page still to answer or to check
 * your answers. Answers on pages the route no longer passes are kept (the user may come back to
 * them) but are not on the route, so they are never submitted. A page whose {@code showWhen} does
 * not hold is passed by; an exit page ends the walk; a repeating section is walked item by item,
 * then its page that lists the items.
 */
final class Journey {
  /**
   * Where the route has got to. Shared by the requests that walk the same answers on the same day, so
   * it cannot be changed: its route, its answers and a repeating section's items are read-only.
   */
  record State(List<Step> route, Optional<Step> nextToAnswer, Map<String, Object> answers) {
    State {
      route = Collections.unmodifiableList(route);
      answers = Collections.unmodifiableMap(answers);
    }

    boolean isComplete() {
      return nextToAnswer.isEmpty();
    }

    boolean onRoute(String path) {
      return route.stream().anyMatch(step -> step.path().equals(path));
    }

    /** Whether the user may see this page now: on the route, or the next one to answer. */
    boolean mayVisit(String path) {
      return onRoute(path) || nextToAnswer.map(step -> step.path().equals(path)).orElse(false);
    }
  }

  /** A power of two: a slot for each of a few hundred sessions in flight. */
  static final int WALK_SLOTS = 1024;

  /** A walk remembered: the session's answers and completed pages it was made from (as objects), and the day. */
  private record Walked(Map<String, Map<String, List<String>>> answers, Set<String> completedPages, LocalDate today,
      State state) {}

  private final FormDefinition form;
  private final AnswerParser parser;
  private final ParsedAnswerCache checked;
  private final AtomicReferenceArray<Walked> walked = new AtomicReferenceArray<>(WALK_SLOTS);

  Journey(FormDefinition form, AnswerParser parser) {
    this.form = form;
    this.parser = parser;
    this.checked = new ParsedAnswerCache(parser);
  }

  /**
   * The route through the session's answers as they are today. A walk is a function of the answers,
   * the completed pages and the day alone, and a session's answers and pages never change (a change
   * makes a new session, and {@link FormSession} keeps what it passes on unchanged as the same
   * objects). So a page cycle's four walks (showing a page, the post before and after saving, the
   * next page) are remembered by those objects: the same answers walked again on the same day give
   * the walk already made. A fixed number of slots chosen by the answers' identity; a collision only
   * costs a walk.
   */
  State walk(FormSession session) {
    // One day for the whole walk, so every page is checked against the same today.
    LocalDate today = parser.today();
    Map<String, Map<String, List<String>>> answers = session.answers();
    int slot = System.identityHashCode(answers) & (WALK_SLOTS - 1);
    Walked last = walked.get(slot);
    if (last != null && last.answers() == answers && last.completedPages() == session.completedPages()
        && last.today().equals(today)) {
      return last.state();
    }
    State state = walk(session, today);
    walked.set(slot, new Walked(answers, session.completedPages(), today, state));
    return state;
  }

  private State walk(FormSession session, LocalDate today) {
    List<Step> route = new ArrayList<>();
    Map<String, Object> answers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    String path = form.startPage();
    while (path != null && seen.add(path)) {
      Page page = form.page(path).orElseThrow();
      if (page.showWhen().isPresent() && !ConditionEvaluator.holds(page.showWhen().get(), answers)) {
        // Not asked: passed by, its routes taken with the answers so far.
        path = nextPath(page, answers).orElse(null);
        continue;
      }
      if (page.exit()) {
        // The journey ends here: the exit page is always the next (and last) page.
        return new State(route, Optional.of(Step.of(page)), answers);
      }
      if (page.repeat().isPresent()) {
        Optional<Step> pending = walkRepeat(page, page.repeat().get(), session, route, answers, today);
        if (pending.isPresent()) {
          return new State(route, pending, answers);
        }
      } else {
        Optional<Map<String, Object>> pageAnswers = completedAnswers(page, session, "", page.path(), today);
        if (pageAnswers.isEmpty()) {
          return new State(route, Optional.of(Step.of(page)), answers);
        }
        answers.putAll(pageAnswers.get());
        route.add(Step.of(page));
      }
      path = nextPath(page, answers).orElse(null);
    }
    return new State(route, Optional.empty(), answers);
  }

  /**
   * Each item's pages in turn, then the page listing the items; the first still to answer, or none
   * when the section is done. The items' answers go into {@code answers} under the section's name.
   */
  private Optional<Step> walkRepeat(Page holder, Repeat repeat, FormSession session, List<Step> route,
      Map<String, Object> answers, LocalDate today) {
    int count = Repeats.itemCount(session, repeat);
    List<Map<String, Object>> items = new ArrayList<>();
    answers.put(repeat.name(), Collections.unmodifiableList(items));
    if (count == 0 && repeat.min() > 0) {
      return firstPageOf(holder, repeat, 1, answers);
    }
    for (int index = 1; index <= count; index++) {
      Map<String, Object> item = new LinkedHashMap<>();
      for (Page page : repeat.pages()) {
        if (page.showWhen().isPresent() && !ConditionEvaluator.holds(page.showWhen().get(), Repeats.scope(answers, item))) {
          continue;
        }
        Step step = Step.inItem(holder, index, page);
        Optional<Map<String, Object>> pageAnswers = completedAnswers(page, session, Repeats.prefix(repeat, index), step.path(),
            today);
        if (pageAnswers.isEmpty()) {
          return Optional.of(step);
        }
        item.putAll(pageAnswers.get());
        route.add(step);
      }
      items.add(Collections.unmodifiableMap(item));
    }
    if (!session.completedPages().contains(holder.path()) || count < repeat.min()) {
      return Optional.of(Step.of(holder));
    }
    route.add(Step.of(holder));
    return Optional.empty();
  }

  /** The first page of an item that its conditions ask (every item has at least one page). */
  Optional<Step> firstPageOf(Page holder, Repeat repeat, int index, Map<String, Object> answers) {
    for (Page page : repeat.pages()) {
      if (page.showWhen().isEmpty() || ConditionEvaluator.holds(page.showWhen().get(), Repeats.scope(answers, Map.of()))) {
        return Optional.of(Step.inItem(holder, index, page));
      }
    }
    return Optional.of(Step.inItem(holder, index, repeat.pages().get(0)));
  }

  /** The page after this one by its routes; empty for check your answers. */
  Optional<String> nextPath(Page page, Map<String, Object> answers) {
    for (Route route : page.routes()) {
      if (route.when().isEmpty() || ConditionEvaluator.holds(route.when().get(), answers)) {
        return route.toCheckAnswers() ? Optional.empty() : Optional.of(route.to());
      }
    }
    return form.pageAfter(page).map(Page::path);
  }

  /** The step a path names: a page, a repeating section's page, or one of its item's pages. */
  Optional<Step> step(String path) {
    Optional<Page> page = form.page(path);
    if (page.isPresent()) {
      return Optional.of(Step.of(page.get()));
    }
    return Repeats.itemStep(form, path);
  }

  /**
   * The typed answers of a completed page whose answers are all still valid; empty otherwise.
   * {@code prefix} is where an item's answers are kept ({@code children/2/}). Each answer's check is
   * remembered ({@link ParsedAnswerCache}), as the same answers are checked again on every request.
   */
  private Optional<Map<String, Object>> completedAnswers(Page page, FormSession session, String prefix, String path,
      LocalDate today) {
    if (!session.completedPages().contains(path)) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Question question : page.questions()) {
      Map<String, List<String>> fields = session.answers().get(prefix + question.name());
      if (fields == null) {
        return Optional.empty();
      }
      ParsedAnswerCache.Checked parsed = checked.check(question, fields, today);
      if (!parsed.valid()) {
        return Optional.empty();
      }
      parsed.value().ifPresent(value -> values.put(question.name(), value));
      for (Question revealed : AnswerParser.revealedBy(question, parsed.value())) {
        ParsedAnswerCache.Checked revealedAnswer = checked.check(revealed,
            session.answers().getOrDefault(prefix + revealed.name(), Map.of()), today);
        if (!revealedAnswer.valid()) {
          return Optional.empty();
        }
        revealedAnswer.value().ifPresent(value -> values.put(revealed.name(), value));
      }
    }
    return Optional.of(values);
  }
}

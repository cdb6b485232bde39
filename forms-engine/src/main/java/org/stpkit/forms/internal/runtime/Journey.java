package org.stpkit.forms.internal.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.Page;
import org.stpkit.forms.Question;
import org.stpkit.forms.Route;
import org.stpkit.forms.spi.FormSession;

/**
 * A user's route through a form, worked out afresh from the answers each time: from the start
 * page, through each completed page by its routes, to the first page still to answer or to check
 * your answers. Answers on pages the route no longer passes are kept (the user may come back to
 * them) but are not on the route, so they are never submitted. A page whose {@code showWhen} does
 * not hold is passed by; an exit page ends the walk.
 */
final class Journey {
  /** Where the route has got to. */
  record State(List<Page> route, Optional<Page> nextToAnswer, Map<String, Object> answers) {
    boolean isComplete() {
      return nextToAnswer.isEmpty();
    }

    boolean onRoute(String path) {
      return route.stream().anyMatch(page -> page.path().equals(path));
    }

    /** Whether the user may see this page now: on the route, or the next one to answer. */
    boolean mayVisit(String path) {
      return onRoute(path) || nextToAnswer.map(page -> page.path().equals(path)).orElse(false);
    }
  }

  private final FormDefinition form;
  private final AnswerParser parser;

  Journey(FormDefinition form, AnswerParser parser) {
    this.form = form;
    this.parser = parser;
  }

  State walk(FormSession session) {
    List<Page> route = new ArrayList<>();
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
        return new State(route, Optional.of(page), answers);
      }
      Optional<Map<String, Object>> pageAnswers = completedAnswers(page, session);
      if (pageAnswers.isEmpty()) {
        return new State(route, Optional.of(page), answers);
      }
      answers.putAll(pageAnswers.get());
      route.add(page);
      path = nextPath(page, answers).orElse(null);
    }
    return new State(route, Optional.empty(), answers);
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

  /** The typed answers of a completed page whose answers are all still valid; empty otherwise. */
  private Optional<Map<String, Object>> completedAnswers(Page page, FormSession session) {
    if (!session.completedPages().contains(page.path())) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Question question : page.questions()) {
      Map<String, List<String>> fields = session.answers().get(question.name());
      if (fields == null) {
        return Optional.empty();
      }
      ParsedAnswer parsed = parser.parse(question, fields);
      if (!parsed.isValid()) {
        return Optional.empty();
      }
      parsed.value().ifPresent(value -> values.put(question.name(), value));
      for (Question revealed : AnswerParser.revealedBy(question, parsed.value())) {
        ParsedAnswer revealedAnswer = parser.parse(revealed, session.answers().getOrDefault(revealed.name(), Map.of()));
        if (!revealedAnswer.isValid()) {
          return Optional.empty();
        }
        revealedAnswer.value().ifPresent(value -> values.put(revealed.name(), value));
      }
    }
    return Optional.of(values);
  }
}

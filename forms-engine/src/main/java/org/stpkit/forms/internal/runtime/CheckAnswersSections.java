package org.stpkit.forms.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stpkit.forms.Question;
import org.stpkit.forms.internal.view.CheckAnswersView;

/**
 * The answers on the route as check your answers lists them: by section, and each item of a
 * repeating section as a card of its own ("Child 1", "Child 2"), every answer with its change link.
 */
final class CheckAnswersSections {
  private final Pages pages;
  private final AnswerFormatter formatter;

  CheckAnswersSections(Pages pages, AnswerFormatter formatter) {
    this.pages = pages;
    this.formatter = formatter;
  }

  List<CheckAnswersView.Section> sections(Journey.State state) {
    // Keyed by section title, or by the item's card title; insertion order is the route's.
    Map<String, List<CheckAnswersView.Row>> rows = new LinkedHashMap<>();
    Map<String, String> cards = new LinkedHashMap<>();
    // The repeating section's own heading, once, above its first item's card (cards are h3s).
    Map<String, String> titles = new LinkedHashMap<>();
    for (Step step : state.route()) {
      if (step.item().isEmpty() && step.page().repeat().isPresent()) {
        continue;
      }
      Map<String, Object> answers = answersOf(step, state);
      String key;
      if (step.item().isPresent()) {
        String card = pages.itemLabel(step.item().get().repeat(), step.item().get().index());
        key = "item:" + step.item().get().holder().path() + "/" + step.item().get().index();
        cards.put(key, card);
        String holderPath = step.item().get().holder().path();
        if (titles.values().stream().noneMatch(holderPath::equals) && !titles.containsKey(key)) {
          titles.put(key, holderPath);
        }
      } else {
        key = "section:" + step.page().section().map(pages::text).orElse("");
      }
      for (Question question : step.page().questions()) {
        List<Question> shown = new ArrayList<>();
        shown.add(question);
        question.revealedQuestions().stream().filter(revealed -> answers.containsKey(revealed.name())).forEach(shown::add);
        for (Question answered : shown) {
          Object value = answers.get(answered.name());
          rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new CheckAnswersView.Row(
              pages.text(answered.label()), value == null ? List.of() : formatter.lines(answered, value),
              pages.url(step.path()) + "?" + Pages.RETURN_TO + "=" + Pages.RETURN_TO_CHECK_ANSWERS,
              pages.text(answered.errorName().orElse(answered.label()))));
        }
      }
    }
    List<CheckAnswersView.Section> sections = new ArrayList<>();
    rows.forEach((key, list) -> {
      String title = key.startsWith("section:") ? key.substring("section:".length())
          : titles.containsKey(key) ? holderTitle(state, titles.get(key)) : "";
      sections.add(new CheckAnswersView.Section(title.isEmpty() ? null : title, list, cards.get(key)));
    });
    return sections;
  }

  private String holderTitle(Journey.State state, String holderPath) {
    return state.route().stream().map(Step::page).filter(page -> page.path().equals(holderPath)).findFirst()
        .or(() -> state.route().stream().flatMap(step -> step.item().stream()).map(Step.Item::holder)
            .filter(page -> page.path().equals(holderPath)).findFirst())
        .map(page -> pages.text(page.heading())).orElse("");
  }

  /** A step's answers: the form's, or for an item's page, that item's. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> answersOf(Step step, Journey.State state) {
    if (step.item().isEmpty()) {
      return state.answers();
    }
    Object items = state.answers().get(step.item().get().repeat().name());
    int index = step.item().get().index();
    return items instanceof List<?> list && list.size() >= index
        ? (Map<String, Object>) Objects.requireNonNull(list.get(index - 1)) : Map.of();
  }
}

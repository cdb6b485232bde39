package org.stpkit.forms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the journey.
 *
 * @param title the heading; empty for a page whose single question's label is the heading
 * @param items questions and content, in the order shown
 * @param routes where to go next, first match wins; the next page in the definition when none matches
 * @param showWhen the page is asked only when this holds; otherwise the journey passes it by, taking
 *     its routes as if it had been answered with nothing
 * @param exit an exit page ("You cannot use this service"): content only, where a journey ends
 * @param repeat a repeating section: this page lists its items and asks whether to add another
 */
public record Page(String path, Optional<LocalisedText> title, Optional<LocalisedText> section,
    List<PageItem> items, List<Route> routes, Optional<Condition> showWhen, boolean exit, Optional<Repeat> repeat) {
  public Page {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    items = List.copyOf(items);
    routes = List.copyOf(routes);
    Objects.requireNonNull(showWhen, "showWhen");
    Objects.requireNonNull(repeat, "repeat");
  }

  public List<Question> questions() {
    return items.stream().filter(Question.class::isInstance).map(Question.class::cast).toList();
  }

  /** The heading: the title, or the single question's label. */
  public LocalisedText heading() {
    return title.orElseGet(() -> questions().get(0).label());
  }

  /** This page's questions and, for a repeating section, those of its item pages. */
  public List<Question> allQuestions() {
    List<Question> all = new java.util.ArrayList<>(questions());
    repeat.ifPresent(section -> section.pages().forEach(page -> all.addAll(page.questions())));
    return all;
  }
}

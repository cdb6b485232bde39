package org.stpkit.forms.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.Page;
import org.stpkit.forms.Question;
import org.stpkit.forms.Repeat;
import org.stpkit.forms.internal.view.Block;
import org.stpkit.forms.internal.view.PageFrame;
import org.stpkit.forms.internal.view.QuestionPageView;
import org.stpkit.forms.internal.view.RepeatSummaryView;
import org.stpkit.forms.spi.FormSession;

/** A repeating section's pages as views: the list of items, and the confirmation before removing one. */
final class RepeatPages {
  private final Pages pages;
  private final AnswerFormatter formatter;
  private final Messages messages;

  RepeatPages(Pages pages, AnswerFormatter formatter) {
    this.pages = pages;
    this.formatter = formatter;
    this.messages = pages.messages();
  }

  FormResponse summary(Page holder, FormSession session, Journey.State state,
      Optional<RepeatFlow.RepeatProblem> problem, boolean changing, Optional<String> newSessionId) {
    Repeat repeat = holder.repeat().orElseThrow();
    int count = Repeats.itemCount(session, repeat);
    String itemName = pages.text(repeat.itemName());
    List<RepeatSummaryView.Item> items = new ArrayList<>();
    List<?> answered = state.answers().get(repeat.name()) instanceof List<?> list ? list : List.of();
    for (int index = 1; index <= count; index++) {
      String label = pages.itemLabel(repeat, index);
      Map<?, ?> item = index <= answered.size() && answered.get(index - 1) instanceof Map<?, ?> map ? map : Map.of();
      items.add(new RepeatSummaryView.Item(label, firstAnswer(repeat, item),
          pages.url(holder.path() + "/" + index + repeat.pages().get(0).path()),
          pages.url(holder.path() + "/" + index + "/remove")));
    }
    String error = problem.map(p -> p == RepeatFlow.RepeatProblem.CHOOSE
        ? messages.get("repeat.addAnother.required", itemName)
        : messages.get("repeat.tooFew", itemName, String.valueOf(repeat.min()))).orElse(null);
    Block addAnother = count < repeat.max() ? yesNo(RepeatFlow.ADD_ANOTHER,
        messages.get(count == 0 ? "repeat.addFirst" : "repeat.addAnother", itemName), false, error,
        messages.get("repeat.yes"), messages.get("repeat.no")) : null;
    String heading = pages.text(holder.heading());
    PageFrame frame = pages.frame(heading, holder.path()).withTimeoutWarning(pages.timeoutWarning(holder.path()));
    if (error != null) {
      frame = frame.withErrors(List.of(new PageFrame.ErrorLink(error, "#" + RepeatFlow.ADD_ANOTHER)));
    }
    Optional<String> previous = Pages.previousPage(holder.path(), state);
    if (previous.isPresent()) {
      frame = frame.withBackLink(pages.url(changing ? Pages.CHECK_ANSWERS : previous.get()));
    }
    RepeatSummaryView view = new RepeatSummaryView(frame, heading, holder.section().map(pages::text).orElse(null), items,
        addAnother, count < repeat.max() ? null : messages.get("repeat.max", itemName), pages.url(holder.path()),
        session.csrfToken(), changing);
    return pages.render(view, newSessionId);
  }

  FormResponse confirmRemoval(RepeatFlow.Removal removal, FormSession session, boolean unanswered,
      Optional<String> newSessionId) {
    String label = pages.itemLabel(removal.holder().repeat().orElseThrow(), removal.index());
    String question = messages.get("repeat.remove.title", label);
    String error = unanswered ? messages.get("repeat.remove.required", label) : null;
    String path = removal.holder().path() + "/" + removal.index() + "/remove";
    PageFrame frame = pages.frame(question, path).withTimeoutWarning(pages.timeoutWarning(path))
        .withBackLink(pages.url(removal.holder().path()));
    if (error != null) {
      frame = frame.withErrors(List.of(new PageFrame.ErrorLink(error, "#" + RepeatFlow.CONFIRM_REMOVE)));
    }
    Block radios = yesNo(RepeatFlow.CONFIRM_REMOVE, question, true, error, messages.get("question.yes"),
        messages.get("question.no"));
    QuestionPageView view = new QuestionPageView(frame, null, null, List.of(radios), pages.url(path), session.csrfToken(),
        false, false, null);
    return pages.render(view, newSessionId);
  }

  /** The item's first answer, to tell the items apart in the list. */
  private List<String> firstAnswer(Repeat repeat, Map<?, ?> item) {
    for (Page page : repeat.pages()) {
      for (Question question : page.questions()) {
        Object value = item.get(question.name());
        if (value != null) {
          return formatter.lines(question, value);
        }
      }
    }
    return List.of();
  }

  /** Inline yes / no radios, the govuk component's params. */
  private static Block yesNo(String name, String legend, boolean isPageHeading, String error, String yes, String no) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("idPrefix", name);
    params.put("name", name);
    params.put("classes", "govuk-radios--inline");
    params.put("fieldset", Map.of("legend", Map.of("text", legend, "isPageHeading", isPageHeading,
        "classes", isPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--m")));
    params.put("items", List.of(Map.of("value", "yes", "text", yes), Map.of("value", "no", "text", no)));
    if (error != null) {
      params.put("errorMessage", Map.of("text", error));
    }
    return Block.component("govukRadios", params);
  }
}

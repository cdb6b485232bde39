package org.stpkit.forms.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.Page;
import org.stpkit.forms.Repeat;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;

/**
 * A repeating section's own pages: the page that lists the items and asks whether to add another,
 * and the page that confirms removing one ({@code /children/2/remove}).
 */
final class RepeatFlow {
  static final String ADD_ANOTHER = "addAnother";
  static final String CONFIRM_REMOVE = "confirmRemove";
  private static final Pattern REMOVE_PATH = Pattern.compile("^(/.*)/([1-9][0-9]{0,3})/remove$");

  /** A request to remove item {@code index} of the section on {@code holder}. */
  record Removal(Page holder, int index) {}

  private final Journey journey;
  private final AnswerStore answerStore;
  private final Clock clock;
  private final Duration sessionTimeout;

  RepeatFlow(Journey journey, AnswerStore answerStore, Clock clock, Duration sessionTimeout) {
    this.journey = journey;
    this.answerStore = answerStore;
    this.clock = clock;
    this.sessionTimeout = sessionTimeout;
  }

  static Optional<Removal> removal(FormDefinition form, String path) {
    Matcher matcher = REMOVE_PATH.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return form.page(matcher.group(1)).filter(page -> page.repeat().isPresent())
        .map(page -> new Removal(page, Integer.parseInt(matcher.group(2))));
  }

  /** A session after an item page was saved: an item answered for the first time counts. */
  static FormSession counted(Step step, FormSession session, Instant now) {
    if (step.item().isEmpty()) {
      return session;
    }
    Step.Item item = step.item().get();
    int count = Repeats.itemCount(session, item.repeat());
    return item.index() > count ? Repeats.withItemCount(session, item.holder(), item.index(), true, now) : session;
  }

  /** The list of items posted: add another, or go on when there are enough. */
  FormResponse answer(Page holder, FormRequest request, FormSession session, Journey.State state, Pages pages,
      boolean changing, Optional<String> newSessionId) {
    Repeat repeat = holder.repeat().orElseThrow();
    int count = Repeats.itemCount(session, repeat);
    String choice = first(request.fields().get(ADD_ANOTHER));
    if (count < repeat.max()) {
      if (!"yes".equals(choice) && !"no".equals(choice)) {
        return pages.repeatSummary(holder, session, state, Optional.of(RepeatProblem.CHOOSE), changing, newSessionId);
      }
      if ("yes".equals(choice)) {
        Optional<FormSession> added = answerStore.update(session.id(),
            current -> Repeats.withItemCount(current, holder, Repeats.itemCount(current, repeat) + 1, true, clock.instant()),
            sessionTimeout);
        int index = added.map(s -> Repeats.itemCount(s, repeat)).orElse(count + 1);
        Step first = journey.firstPageOf(holder, repeat, index, state.answers()).orElseThrow();
        return new FormResponse.Redirect(pages.url(first.path()), newSessionId);
      }
    }
    if (count < repeat.min()) {
      return pages.repeatSummary(holder, session, state, Optional.of(RepeatProblem.TOO_FEW), changing, newSessionId);
    }
    Optional<FormSession> done = answerStore.update(session.id(),
        current -> Repeats.withItemCount(current, holder, Repeats.itemCount(current, repeat), false, clock.instant()),
        sessionTimeout);
    Journey.State after = done.map(journey::walk).orElse(state);
    if (changing) {
      return new FormResponse.Redirect(pages.url(after.nextToAnswer().map(Step::path).orElse(Pages.CHECK_ANSWERS)),
          newSessionId);
    }
    return new FormResponse.Redirect(pages.url(journey.nextPath(holder, after.answers()).orElse(Pages.CHECK_ANSWERS)),
        newSessionId);
  }

  /** The page that asks to confirm removing an item; yes removes it and renumbers the rest. */
  FormResponse remove(Removal removal, FormRequest request, FormSession session, Journey.State state, Pages pages,
      Optional<String> newSessionId) {
    Repeat repeat = removal.holder().repeat().orElseThrow();
    boolean reached = state.onRoute(removal.holder().path()) || state.nextToAnswer().filter(step ->
        step.path().equals(removal.holder().path()) || step.item().map(item -> item.holder().equals(removal.holder()))
            .orElse(false)).isPresent();
    if (removal.index() > Repeats.itemCount(session, repeat) || !reached) {
      return new FormResponse.Redirect(pages.url(state.nextToAnswer().map(Step::path).orElse(removal.holder().path())),
          newSessionId);
    }
    if (request.method() == FormRequest.Method.GET) {
      return pages.confirmRemoval(removal, session, false, newSessionId);
    }
    String choice = first(request.fields().get(CONFIRM_REMOVE));
    if (!"yes".equals(choice) && !"no".equals(choice)) {
      return pages.confirmRemoval(removal, session, true, newSessionId);
    }
    if ("yes".equals(choice)) {
      answerStore.update(session.id(), current -> Repeats.withoutItem(current, removal.holder(), removal.index(),
          clock.instant()), sessionTimeout);
    }
    return new FormResponse.Redirect(pages.url(removal.holder().path()), newSessionId);
  }

  /** What is wrong with a post of the list of items. */
  enum RepeatProblem { CHOOSE, TOO_FEW }

  private static @Nullable String first(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

}

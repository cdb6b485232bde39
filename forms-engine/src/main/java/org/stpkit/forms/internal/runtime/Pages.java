package org.stpkit.forms.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.Content;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.LocalisedText;
import org.stpkit.forms.Page;
import org.stpkit.forms.PageItem;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.Repeat;
import org.stpkit.forms.internal.view.Block;
import org.stpkit.forms.internal.view.CheckAnswersView;
import org.stpkit.forms.internal.view.ConfirmationView;
import org.stpkit.forms.internal.view.MessagePageView;
import org.stpkit.forms.internal.view.PageFrame;
import org.stpkit.forms.internal.view.QuestionPageView;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.templates.GovukAssets;

/**
 * Each kind of page as its typed view, rendered: a page of questions, check your answers, the
 * confirmation, and the pages that only say something. Words come from {@link Messages}, markup
 * from the templates.
 */
final class Pages {
  static final String CHECK_ANSWERS = "/check-answers";
  static final String CONFIRMATION = "/confirmation";
  static final String RETURN_TO = "returnTo";
  static final String RETURN_TO_CHECK_ANSWERS = "check-answers";

  private final FormDefinition form;
  private final Messages messages;
  private final QuestionComponents components;
  private final AnswerFormatter formatter;
  private final PageWriter writer;
  private final String mountPath;
  private final String assetPath;
  private final Duration sessionTimeout;
  private final Duration timeoutWarning;
  private final Map<String, String> languageNames;

  Pages(FormDefinition form, Messages messages, QuestionComponents components, PageWriter writer,
      String mountPath, String assetPath, Duration sessionTimeout, Duration timeoutWarning) {
    this.form = form;
    this.messages = messages;
    this.components = components;
    this.formatter = new AnswerFormatter(messages);
    this.writer = writer;
    this.mountPath = mountPath;
    this.assetPath = assetPath;
    this.sessionTimeout = sessionTimeout;
    this.timeoutWarning = timeoutWarning;
    Map<String, String> names = new LinkedHashMap<>();
    form.languages().forEach(language -> names.put(language, messages.get("language." + language)));
    this.languageNames = names;
  }

  String language() {
    return messages.language();
  }

  String url(String path) {
    return mountPath + path;
  }

  /** A page of questions, with the answers as typed ({@code fields}) and any errors. */
  FormResponse questionPage(Step step, FormSession session, Journey.State state,
      Map<String, Map<String, List<String>>> fields, Map<String, FieldError> errors, boolean changing,
      Optional<String> newSessionId) {
    Page page = step.page();
    boolean questionIsHeading = page.questions().size() == 1 && page.title().isEmpty();
    String heading = text(page.heading());
    Map<String, Object> scope = scope(step, state);
    List<Block> blocks = new ArrayList<>();
    for (PageItem item : page.items()) {
      if (item instanceof Question question) {
        blocks.add(components.block(question, fields, errors, questionIsHeading));
      } else if (item instanceof Content content
          && (content.showWhen().isEmpty() || ConditionEvaluator.holds(content.showWhen().get(), scope))) {
        blocks.add(contentBlock(content));
      }
    }
    List<PageFrame.ErrorLink> errorLinks = new ArrayList<>();
    errors.values().forEach(error -> errorLinks.add(new PageFrame.ErrorLink(error.message(), "#" + error.fieldId())));
    PageFrame frame = frame(heading, step.path()).withErrors(errorLinks).withTimeoutWarning(timeoutWarning(step.path()));
    if (page.questions().stream().anyMatch(question -> question.type() == QuestionType.AUTOCOMPLETE)) {
      frame = frame.withAssets(List.of(url(EngineAssets.PREFIX + "accessible-autocomplete.min.css")),
          List.of(url(EngineAssets.PREFIX + "accessible-autocomplete.min.js"), url(EngineAssets.PREFIX + "autocomplete.js")));
    }
    Optional<String> previous = previousPage(step.path(), state);
    if (previous.isPresent()) {
      frame = frame.withBackLink(changing ? url(CHECK_ANSWERS) : url(previous.get()));
    }
    String itemLabel = step.item().map(item -> itemLabel(item.repeat(), item.index())).orElse(null);
    QuestionPageView view = new QuestionPageView(frame, questionIsHeading ? null : heading,
        itemLabel != null ? itemLabel : page.section().map(this::text).orElse(null), blocks, url(step.path()),
        session.csrfToken(), changing, page.exit(), itemLabel, form.saveAndReturn().isPresent() && !page.exit());
    return new FormResponse.Page(200, writer.write(view), newSessionId);
  }

  /** What an item's page's conditions see: the answers so far, and the item's own over them. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> scope(Step step, Journey.State state) {
    if (step.item().isEmpty()) {
      return state.answers();
    }
    Object items = state.answers().get(step.item().get().repeat().name());
    int index = step.item().get().index();
    Map<String, Object> item = items instanceof List<?> list && list.size() >= index
        ? (Map<String, Object>) list.get(index - 1) : Map.of();
    return Repeats.scope(state.answers(), item);
  }

  /** "Child 2": an item of a repeating section, as its pages and lists call it. */
  String itemLabel(Repeat repeat, int index) {
    String name = text(repeat.itemName());
    return messages.get("repeat.itemLabel", name.isEmpty() ? name
        : name.substring(0, 1).toUpperCase(messages.locale()) + name.substring(1), String.valueOf(index));
  }

  /** Check your answers, with the problems found when the whole record was checked, if any. */
  FormResponse checkAnswers(FormSession session, Journey.State state, List<String> problems,
      Optional<String> newSessionId) {
    String heading = form.checkAnswers().title().map(this::text).orElseGet(() -> messages.get("checkAnswers.title"));
    List<CheckAnswersView.Section> sections = new CheckAnswersSections(this, formatter).sections(state);
    PageFrame frame = frame(heading, CHECK_ANSWERS)
        .withErrors(problems.stream().map(problem -> new PageFrame.ErrorLink(problem, null)).toList())
        .withTimeoutWarning(timeoutWarning(CHECK_ANSWERS));
    if (!state.route().isEmpty()) {
      frame = frame.withBackLink(url(state.route().get(state.route().size() - 1).path()));
    }
    CheckAnswersView view = new CheckAnswersView(frame, heading, sections,
        form.checkAnswers().declaration().map(this::text).orElse(null), url(CHECK_ANSWERS), session.csrfToken(),
        form.checkAnswers().submitText().map(this::text).orElseGet(() -> messages.get("checkAnswers.submit")));
    return new FormResponse.Page(200, writer.write(view), newSessionId);
  }

  /** A repeating section's list of items, asking whether to add another. */
  FormResponse repeatSummary(Page holder, FormSession session, Journey.State state,
      Optional<RepeatFlow.RepeatProblem> problem, boolean changing, Optional<String> newSessionId) {
    return new RepeatPages(this, formatter).summary(holder, session, state, problem, changing, newSessionId);
  }

  /** The page that asks to confirm removing an item. */
  FormResponse confirmRemoval(RepeatFlow.Removal removal, FormSession session, boolean unanswered,
      Optional<String> newSessionId) {
    return new RepeatPages(this, formatter).confirmRemoval(removal, session, unanswered, newSessionId);
  }

  /** Draws a view in this language. */
  FormResponse.Page render(Record view, Optional<String> newSessionId) {
    return new FormResponse.Page(200, writer.write(view), newSessionId);
  }

  Messages messages() {
    return messages;
  }

  FormResponse confirmation(String reference, Optional<String> newSessionId) {
    String heading = form.confirmation().title().map(this::text).orElseGet(() -> messages.get("confirmation.title"));
    ConfirmationView view = new ConfirmationView(frame(heading, CONFIRMATION), heading, reference,
        form.confirmation().body().map(this::text).orElse(null));
    return new FormResponse.Page(200, writer.write(view), newSessionId);
  }

  /** A page that only says something, with the status it is sent with. */
  FormResponse.Page message(MessagePage page, int status, String currentPath, Optional<String> newSessionId) {
    String heading = messages.get(page.titleKey);
    List<String> paragraphs = page.paragraphKeys.stream().map(key -> messages.get(key, sessionTimeout.toMinutes()))
        .toList();
    @Nullable String button = switch (page.button) {
      case NONE -> null;
      case START -> url(form.startPage());
      case SAME_PAGE -> url(currentPath);
      case CHECK_ANSWERS -> url(CHECK_ANSWERS);
    };
    MessagePageView view = new MessagePageView(frame(heading, currentPath), heading, paragraphs, button,
        messages.get(page.buttonKey));
    return new FormResponse.Page(status, writer.write(view), newSessionId);
  }

  /** The frame of a page at {@code path}: its language links lead to the same page in each language. */
  PageFrame frame(String title, String path) {
    List<PageFrame.LanguageLink> languages = new ArrayList<>();
    if (languageNames.size() > 1) {
      languageNames.forEach((language, name) -> languages.add(new PageFrame.LanguageLink(name, language,
          url(path) + "?" + JourneyFlow.LANGUAGE + "=" + language, language.equals(messages.language()))));
    }
    return new PageFrame(title, messages.language(), text(form.title()), url(form.startPage()), assetPath,
        GovukAssets.stylesheetHtml(assetPath), GovukAssets.scriptHtml(assetPath, Optional.empty()), null, List.of(),
        languages, null, List.of(), List.of());
  }

  PageFrame.TimeoutWarning timeoutWarning(String path) {
    return new PageFrame.TimeoutWarning(sessionTimeout.toSeconds(), timeoutWarning.toSeconds(),
        url(EngineAssets.PREFIX + JourneyFlow.KEEP_ALIVE), url(path), url(EngineAssets.PREFIX + "timeout-warning.js"));
  }

  private Block contentBlock(Content content) {
    String text = text(content.text());
    return switch (content.type()) {
      case INSET -> Block.component("govukInsetText", Map.of("text", text));
      case WARNING -> Block.component("govukWarningText",
          Map.of("text", text, "iconFallbackText", messages.get("content.warning.iconFallback")));
      case DETAILS -> Block.component("govukDetails",
          Map.of("summaryText", content.summary().map(this::text).orElse(""), "text", text));
      case PARAGRAPH -> Block.paragraph(text);
    };
  }

  /** The page before this one on the route (for the back link); none for the first page. */
  static Optional<String> previousPage(String path, Journey.State state) {
    List<Step> route = state.route();
    for (int i = 0; i < route.size(); i++) {
      if (route.get(i).path().equals(path)) {
        return i == 0 ? Optional.empty() : Optional.of(route.get(i - 1).path());
      }
    }
    return route.isEmpty() ? Optional.empty() : Optional.of(route.get(route.size() - 1).path());
  }

  String text(LocalisedText text) {
    return text.in(messages.language());
  }
}

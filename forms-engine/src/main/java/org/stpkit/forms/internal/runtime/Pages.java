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
  private final PageRenderer renderer;
  private final String mountPath;
  private final String assetPath;
  private final Duration sessionTimeout;
  private final Duration timeoutWarning;
  private final Map<String, String> languageNames;

  Pages(FormDefinition form, Messages messages, QuestionComponents components, PageRenderer renderer,
      String mountPath, String assetPath, Duration sessionTimeout, Duration timeoutWarning) {
    this.form = form;
    this.messages = messages;
    this.components = components;
    this.formatter = new AnswerFormatter(messages);
    this.renderer = renderer;
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
  FormResponse questionPage(Page page, FormSession session, Journey.State state,
      Map<String, Map<String, List<String>>> fields, Map<String, FieldError> errors, boolean changing,
      Optional<String> newSessionId) {
    boolean questionIsHeading = page.questions().size() == 1 && page.title().isEmpty();
    String heading = text(page.heading());
    List<Block> blocks = new ArrayList<>();
    for (PageItem item : page.items()) {
      if (item instanceof Question question) {
        blocks.add(components.block(question, fields, errors, questionIsHeading));
      } else if (item instanceof Content content && shown(content, state)) {
        blocks.add(contentBlock(content));
      }
    }
    List<PageFrame.ErrorLink> errorLinks = new ArrayList<>();
    errors.values().forEach(error -> errorLinks.add(new PageFrame.ErrorLink(error.message(), "#" + error.fieldId())));
    PageFrame frame = frame(heading, page.path()).withErrors(errorLinks).withTimeoutWarning(timeoutWarning(page.path()));
    if (page.questions().stream().anyMatch(question -> question.type() == QuestionType.AUTOCOMPLETE)) {
      frame = frame.withAssets(List.of(url(EngineAssets.PREFIX + "accessible-autocomplete.min.css")),
          List.of(url(EngineAssets.PREFIX + "accessible-autocomplete.min.js"), url(EngineAssets.PREFIX + "autocomplete.js")));
    }
    Optional<String> previous = previousPage(page.path(), state);
    if (previous.isPresent()) {
      frame = frame.withBackLink(changing ? url(CHECK_ANSWERS) : url(previous.get()));
    }
    QuestionPageView view = new QuestionPageView(frame, questionIsHeading ? null : heading,
        page.section().map(this::text).orElse(null), blocks, url(page.path()), session.csrfToken(), changing, page.exit());
    return new FormResponse.Page(200, renderer.render("question-page", view, messages), newSessionId);
  }

  /** Check your answers, with the problems found when the whole record was checked, if any. */
  FormResponse checkAnswers(FormSession session, Journey.State state, List<String> problems,
      Optional<String> newSessionId) {
    String heading = form.checkAnswers().title().map(this::text).orElseGet(() -> messages.get("checkAnswers.title"));
    Map<String, List<CheckAnswersView.Row>> rowsBySection = new LinkedHashMap<>();
    for (Page page : state.route()) {
      String section = page.section().map(this::text).orElse("");
      for (Question question : page.questions()) {
        List<Question> shown = new ArrayList<>();
        shown.add(question);
        question.revealedQuestions().stream().filter(revealed -> state.answers().containsKey(revealed.name()))
            .forEach(shown::add);
        for (Question answered : shown) {
          Object value = state.answers().get(answered.name());
          rowsBySection.computeIfAbsent(section, key -> new ArrayList<>()).add(new CheckAnswersView.Row(
              text(answered.label()), value == null ? List.of() : formatter.lines(answered, value),
              url(page.path()) + "?" + RETURN_TO + "=" + RETURN_TO_CHECK_ANSWERS,
              text(answered.errorName().orElse(answered.label()))));
        }
      }
    }
    List<CheckAnswersView.Section> sections = new ArrayList<>();
    rowsBySection.forEach((title, rows) -> sections.add(new CheckAnswersView.Section(title.isEmpty() ? null : title, rows)));
    PageFrame frame = frame(heading, CHECK_ANSWERS)
        .withErrors(problems.stream().map(problem -> new PageFrame.ErrorLink(problem, null)).toList())
        .withTimeoutWarning(timeoutWarning(CHECK_ANSWERS));
    if (!state.route().isEmpty()) {
      frame = frame.withBackLink(url(state.route().get(state.route().size() - 1).path()));
    }
    CheckAnswersView view = new CheckAnswersView(frame, heading, sections,
        form.checkAnswers().declaration().map(this::text).orElse(null), url(CHECK_ANSWERS), session.csrfToken(),
        form.checkAnswers().submitText().map(this::text).orElseGet(() -> messages.get("checkAnswers.submit")));
    return new FormResponse.Page(200, renderer.render("check-answers", view, messages), newSessionId);
  }

  FormResponse confirmation(String reference, Optional<String> newSessionId) {
    String heading = form.confirmation().title().map(this::text).orElseGet(() -> messages.get("confirmation.title"));
    ConfirmationView view = new ConfirmationView(frame(heading, CONFIRMATION), heading, reference,
        form.confirmation().body().map(this::text).orElse(null));
    return new FormResponse.Page(200, renderer.render("confirmation", view, messages), newSessionId);
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
    return new FormResponse.Page(status, renderer.render("message-page", view, messages), newSessionId);
  }

  /** The frame of a page at {@code path}: its language links lead to the same page in each language. */
  private PageFrame frame(String title, String path) {
    List<PageFrame.LanguageLink> languages = new ArrayList<>();
    if (languageNames.size() > 1) {
      languageNames.forEach((language, name) -> languages.add(new PageFrame.LanguageLink(name, language,
          url(path) + "?" + JourneyFlow.LANGUAGE + "=" + language, language.equals(messages.language()))));
    }
    return new PageFrame(title, messages.language(), text(form.title()), url(form.startPage()), assetPath,
        GovukAssets.stylesheetHtml(assetPath), GovukAssets.scriptHtml(assetPath, Optional.empty()), null, List.of(),
        languages, null, List.of(), List.of());
  }

  private PageFrame.TimeoutWarning timeoutWarning(String path) {
    return new PageFrame.TimeoutWarning(sessionTimeout.toSeconds(), timeoutWarning.toSeconds(),
        url(EngineAssets.PREFIX + JourneyFlow.KEEP_ALIVE), url(path), url(EngineAssets.PREFIX + "timeout-warning.js"));
  }

  private boolean shown(Content content, Journey.State state) {
    return content.showWhen().isEmpty() || ConditionEvaluator.holds(content.showWhen().get(), state.answers());
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
  private static Optional<String> previousPage(String path, Journey.State state) {
    List<Page> route = state.route();
    for (int i = 0; i < route.size(); i++) {
      if (route.get(i).path().equals(path)) {
        return i == 0 ? Optional.empty() : Optional.of(route.get(i - 1).path());
      }
    }
    return route.isEmpty() ? Optional.empty() : Optional.of(route.get(route.size() - 1).path());
  }

  private String text(LocalisedText text) {
    return text.in(messages.language());
  }
}

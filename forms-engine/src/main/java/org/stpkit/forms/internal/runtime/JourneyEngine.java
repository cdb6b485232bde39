package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stpkit.forms.Address;
import org.stpkit.forms.Content;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.Option;
import org.stpkit.forms.Page;
import org.stpkit.forms.PageItem;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.Submission;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.templates.GovukAssets;

/**
 * The journey through one form: answers a {@link FormRequest} with a page or a redirect.
 *
 * <ul>
 *   <li>GET shows a page with the answers saved; POST checks them and either shows the page again
 *       with an error summary or saves them and redirects (post / redirect / get).
 *   <li>A page that is not on the user's route, or beyond the first unanswered page, redirects to
 *       the first unanswered page.
 *   <li>Check your answers lists the answers on the route by section, with change links; after a
 *       change the user goes back to check your answers, or first to any page the change opened.
 *   <li>Sending claims the session in the answer store first, so the handler gets each journey
 *       once, however often the button is pressed.
 * </ul>
 */
public final class JourneyEngine {
  static final String CHECK_ANSWERS = "/check-answers";
  static final String CONFIRMATION = "/confirmation";
  private static final String RETURN_TO = "returnTo";
  private static final String CSRF_FIELD = "csrfToken";
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

  private final EngineSettings settings;
  private final FormDefinition form;
  private final String language;
  private final AnswerParser parser;
  private final Journey journey;
  private final QuestionComponents components;
  private final PageRenderer renderer = new PageRenderer();
  private final SecureRandom random = new SecureRandom();

  public JourneyEngine(EngineSettings settings) {
    this.settings = settings;
    this.form = settings.form();
    this.language = form.languages().get(0);
    this.parser = new AnswerParser(language, settings.clock());
    this.journey = new Journey(form, parser);
    this.components = new QuestionComponents(language, settings.templates());
  }

  public FormResponse handle(FormRequest request) {
    String path = request.path().isEmpty() ? "/" : request.path();
    Instant now = settings.clock().instant();
    Optional<FormSession> found = request.sessionId().flatMap(settings.answerStore()::find)
        .filter(session -> session.formId().equals(form.id()))
        .filter(session -> !session.updatedAt().plus(settings.sessionTimeout()).isBefore(now));
    boolean startingOut = path.equals("/") || path.equals(form.startPage());
    if (found.isEmpty() && request.sessionId().isPresent() && !startingOut) {
      return timedOut();
    }
    if (found.isEmpty() && request.method() == FormRequest.Method.POST) {
      return timedOut();
    }
    Optional<String> newSessionId = Optional.empty();
    FormSession session;
    if (found.isPresent()) {
      session = found.get();
    } else {
      session = FormSession.start(randomToken(), form.id(), randomToken(), now);
      settings.answerStore().save(session, settings.sessionTimeout());
      newSessionId = Optional.of(session.id());
    }
    if (request.method() == FormRequest.Method.POST && !csrfMatches(request, session)) {
      return message(403, "There is a problem with this page",
          List.of("The page you sent was out of date or not sent from this service. Go back to the page, "
              + "check your answers and try again."), Optional.of(url(path)), "Go back to the page", newSessionId);
    }
    if (request.method() == FormRequest.Method.GET && found.isPresent()) {
      // Reading a page keeps the session alive, as writing does.
      Optional<FormSession> touched = settings.answerStore().update(session.id(), s -> s.touchedAt(now),
          settings.sessionTimeout());
      if (touched.isEmpty()) {
        return timedOut();
      }
      session = touched.get();
    }
    Journey.State state = journey.walk(session);
    if (session.submissionReference().isPresent() && !path.equals(CONFIRMATION)) {
      return redirect(CONFIRMATION, newSessionId);
    }
    if (path.equals("/")) {
      return redirect(form.startPage(), newSessionId);
    }
    if (path.equals(CHECK_ANSWERS)) {
      if (!state.isComplete()) {
        return redirect(state.nextToAnswer().get().path(), newSessionId);
      }
      return request.method() == FormRequest.Method.POST ? send(session, state, newSessionId)
          : checkAnswers(session, state, List.of(), newSessionId);
    }
    if (path.equals(CONFIRMATION)) {
      return session.submissionReference().isPresent() ? confirmation(session.submissionReference().get(), newSessionId)
          : redirect(form.startPage(), newSessionId);
    }
    Optional<Page> page = form.page(path);
    if (page.isEmpty()) {
      FormResponse.Page notFound = problemPage(404);
      return new FormResponse.Page(404, notFound.html(), newSessionId);
    }
    if (!state.mayVisit(path)) {
      return redirect(state.nextToAnswer().map(Page::path).orElse(CHECK_ANSWERS), newSessionId);
    }
    boolean changing = "check-answers".equals(first(request.query().get(RETURN_TO)))
        || "check-answers".equals(first(request.fields().get(RETURN_TO)));
    if (request.method() == FormRequest.Method.GET) {
      return questionPage(page.get(), session, state, storedFields(page.get(), session), Map.of(), changing, newSessionId);
    }
    return answer(page.get(), request, session, state, changing, newSessionId);
  }

  /**
   * The page for a request the engine never saw because the adapter refused it (400, 405, 413) or
   * for a failure (500): a GOV.UK message page, never a stack trace.
   */
  public FormResponse.Page problemPage(int status) {
    switch (status) {
      case 400:
        return (FormResponse.Page) message(400, "There is a problem with this page",
            List.of("The information sent could not be read. Go back to the page and try again."),
            Optional.of(url(form.startPage())), "Go to the start of the form", Optional.empty());
      case 404:
        return (FormResponse.Page) message(404, "Page not found", List.of("If you typed the web address, check it is correct.",
            "If you pasted the web address, check you copied the entire address."),
            Optional.of(url(form.startPage())), "Go to the start of the form", Optional.empty());
      case 405:
        return (FormResponse.Page) message(405, "There is a problem with this page",
            List.of("This page cannot be used that way."),
            Optional.of(url(form.startPage())), "Go to the start of the form", Optional.empty());
      case 413:
        return (FormResponse.Page) message(413, "What you sent is too large",
            List.of("Go back to the page, make your answers shorter and try again."),
            Optional.empty(), "", Optional.empty());
      default:
        return (FormResponse.Page) message(status, "Sorry, there is a problem with the service",
            List.of("Try again later."), Optional.of(url(form.startPage())), "Go to the start of the form",
            Optional.empty());
    }
  }

  private FormResponse answer(Page page, FormRequest request, FormSession session, Journey.State before,
      boolean changing, Optional<String> newSessionId) {
    Map<String, Map<String, List<String>>> fields = new LinkedHashMap<>();
    Map<String, FieldError> errors = new LinkedHashMap<>();
    for (Question question : page.questions()) {
      ParsedAnswer parsed = parser.parse(question, request.fields());
      fields.put(question.name(), parsed.fields());
      parsed.error().ifPresent(error -> errors.put(question.name(), error));
      checkBinding(question, parsed, errors);
      for (Question revealed : AnswerParser.revealedBy(question, parsed.value())) {
        ParsedAnswer revealedAnswer = parser.parse(revealed, request.fields());
        fields.put(revealed.name(), revealedAnswer.fields());
        revealedAnswer.error().ifPresent(error -> errors.put(revealed.name(), error));
        checkBinding(revealed, revealedAnswer, errors);
      }
    }
    if (!errors.isEmpty()) {
      return questionPage(page, session, before, fields, errors, changing, newSessionId);
    }
    Instant now = settings.clock().instant();
    // Merged into the stored session as it is now, so another tab's answers saved meanwhile are kept.
    Optional<FormSession> updated = settings.answerStore().update(session.id(),
        current -> current.withPageAnswers(page.path(), fields, now), settings.sessionTimeout());
    if (updated.isEmpty()) {
      return timedOut();
    }
    FormSession saved = updated.get();
    Journey.State after = journey.walk(saved);
    if (changing) {
      return after.nextToAnswer().map(next -> redirect(next.path() + "?" + RETURN_TO + "=check-answers", newSessionId))
          .orElseGet(() -> redirect(CHECK_ANSWERS, newSessionId));
    }
    return journey.nextPath(page, after.answers()).map(next -> redirect(next, newSessionId))
        .orElseGet(() -> redirect(CHECK_ANSWERS, newSessionId));
  }

  private void checkBinding(Question question, ParsedAnswer parsed, Map<String, FieldError> errors) {
    if (parsed.isValid() && settings.binding().isPresent()) {
      List<String> messages = settings.binding().get().check(question.name(), parsed.value());
      if (!messages.isEmpty()) {
        errors.put(question.name(), new FieldError(AnswerParser.firstFieldId(question), messages.get(0)));
      }
    }
  }

  private FormResponse send(FormSession session, Journey.State state, Optional<String> newSessionId) {
    Optional<Record> bound = Optional.empty();
    if (settings.binding().isPresent()) {
      List<AnswerBinding.Violation> violations = settings.binding().get().checkAll(state.answers());
      if (!violations.isEmpty()) {
        return showViolation(violations, session, state, newSessionId);
      }
      bound = Optional.of(settings.binding().get().bind(state.answers()));
    }
    String reference = newReference();
    String winner = settings.answerStore().claimSubmission(session.id(), reference);
    if (!winner.equals(reference)) {
      // Another request for this journey (a double click, a resubmit) is sending or has sent it.
      return redirect(CONFIRMATION, newSessionId);
    }
    Instant now = settings.clock().instant();
    Submission submission = new Submission(form.id(), form.version(), reference, state.answers(), now, bound);
    try {
      settings.submissionHandler().submit(submission);
    } catch (RuntimeException e) {
      settings.answerStore().releaseSubmission(session.id(), reference);
      return message(503, "Sorry, there is a problem with the service",
          List.of("Your application has not been sent. Your answers are saved.", "Try again in a few minutes."),
          Optional.of(url(CHECK_ANSWERS)), "Try again", newSessionId);
    }
    settings.answerStore().update(session.id(), current -> current.withSubmissionReference(reference, now),
        settings.sessionTimeout());
    return redirect(CONFIRMATION, newSessionId);
  }

  /**
   * A violation found when the whole record is checked: shown on the page of the question it names,
   * as if that page had just been posted, or on check your answers when it names none.
   */
  private FormResponse showViolation(List<AnswerBinding.Violation> violations, FormSession session, Journey.State state,
      Optional<String> newSessionId) {
    for (AnswerBinding.Violation violation : violations) {
      Optional<Question> question = violation.question().flatMap(form::question);
      Optional<Page> page = question.flatMap(q -> form.pageOf(q.name())).filter(p -> state.onRoute(p.path()));
      if (page.isPresent()) {
        return questionPage(page.get(), session, state, storedFields(page.get(), session),
            Map.of(question.get().name(), new FieldError(AnswerParser.firstFieldId(question.get()), violation.message())),
            true, newSessionId);
      }
    }
    return checkAnswers(session, state, violations.stream().map(AnswerBinding.Violation::message).toList(), newSessionId);
  }

  // ---- Pages ----------------------------------------------------------------------------------

  private FormResponse questionPage(Page page, FormSession session, Journey.State state,
      Map<String, Map<String, List<String>>> fields, Map<String, FieldError> errors, boolean changing,
      Optional<String> newSessionId) {
    List<Question> questions = page.questions();
    boolean questionIsHeading = questions.size() == 1 && page.title().isEmpty();
    Map<String, Object> view = baseView((errors.isEmpty() ? "" : "Error: ") + page.heading().in(language));
    if (!questionIsHeading) {
      view.put("heading", page.heading().in(language));
    }
    page.section().ifPresent(section -> view.put("caption", section.in(language)));
    List<Map<String, Object>> blocks = new ArrayList<>();
    for (PageItem item : page.items()) {
      if (item instanceof Question question) {
        blocks.add(components.block(question, fields, errors, questionIsHeading));
      } else {
        Content content = (Content) item;
        if (content.showWhen().isEmpty() || ConditionEvaluator.holds(content.showWhen().get(), state.answers())) {
          blocks.add(contentBlock(content));
        }
      }
    }
    view.put("blocks", blocks);
    if (!errors.isEmpty()) {
      List<Map<String, Object>> errorList = new ArrayList<>();
      errors.values().forEach(error -> errorList.add(Map.of("text", error.message(), "href", "#" + error.fieldId())));
      view.put("errorSummary", Map.of("titleText", "There is a problem", "errorList", errorList));
    }
    view.put("action", url(page.path()));
    view.put("csrfToken", session.csrfToken());
    view.put("returnToCheckAnswers", changing);
    view.put("buttonText", "Continue");
    previousPage(page.path(), state).ifPresent(previous -> view.put("backLink",
        changing ? url(CHECK_ANSWERS) : url(previous)));
    return new FormResponse.Page(200, renderer.render("question-page", view), newSessionId);
  }

  private Optional<String> previousPage(String path, Journey.State state) {
    List<Page> route = state.route();
    for (int i = 0; i < route.size(); i++) {
      if (route.get(i).path().equals(path)) {
        return i == 0 ? Optional.empty() : Optional.of(route.get(i - 1).path());
      }
    }
    return route.isEmpty() ? Optional.empty() : Optional.of(route.get(route.size() - 1).path());
  }

  private Map<String, Object> contentBlock(Content content) {
    String text = content.text().in(language);
    switch (content.type()) {
      case INSET:
        return componentBlock("govukInsetText", Map.of("text", text));
      case WARNING:
        return componentBlock("govukWarningText", Map.of("text", text, "iconFallbackText", "Warning"));
      case DETAILS:
        return componentBlock("govukDetails", Map.of("summaryText", content.summary().map(s -> s.in(language)).orElse(""),
            "text", text));
      default:
        return Map.of("kind", "paragraph", "text", text);
    }
  }

  private static Map<String, Object> componentBlock(String macro, Map<String, Object> params) {
    return Map.of("kind", "component", "macro", macro, "params", params);
  }

  private FormResponse checkAnswers(FormSession session, Journey.State state, List<String> problems,
      Optional<String> newSessionId) {
    Map<String, Object> view = baseView((problems.isEmpty() ? "" : "Error: ") + form.checkAnswers().title().in(language));
    if (!problems.isEmpty()) {
      List<Map<String, Object>> errorList = new ArrayList<>();
      problems.forEach(problem -> errorList.add(Map.of("text", problem)));
      view.put("errorSummary", Map.of("titleText", "There is a problem", "errorList", errorList));
    }
    view.put("heading", form.checkAnswers().title().in(language));
    Map<String, List<Map<String, Object>>> rowsBySection = new LinkedHashMap<>();
    for (Page page : state.route()) {
      String section = page.section().map(text -> text.in(language)).orElse("");
      for (Question question : page.questions()) {
        List<Question> shown = new ArrayList<>();
        shown.add(question);
        question.revealedQuestions().stream().filter(revealed -> state.answers().containsKey(revealed.name()))
            .forEach(shown::add);
        for (Question answered : shown) {
          Object value = state.answers().get(answered.name());
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("key", Map.of("text", answered.label().in(language)));
          row.put("value", Map.of("html", value == null ? "" : displayHtml(answered, value)));
          row.put("actions", Map.of("items", List.of(Map.of(
              "href", url(page.path()) + "?" + RETURN_TO + "=check-answers",
              "text", "Change",
              "visuallyHiddenText", answered.shortName().orElse(answered.label()).in(language)))));
          rowsBySection.computeIfAbsent(section, key -> new ArrayList<>()).add(row);
        }
      }
    }
    List<Map<String, Object>> sections = new ArrayList<>();
    rowsBySection.forEach((title, rows) -> {
      Map<String, Object> section = new LinkedHashMap<>();
      if (!title.isEmpty()) {
        section.put("title", title);
      }
      section.put("list", Map.of("rows", rows, "classes", "govuk-!-margin-bottom-9"));
      sections.add(section);
    });
    view.put("sections", sections);
    form.checkAnswers().declaration().ifPresent(declaration -> {
      view.put("declarationHeading", "Now send your application");
      view.put("declaration", declaration.in(language));
    });
    view.put("action", url(CHECK_ANSWERS));
    view.put("csrfToken", session.csrfToken());
    view.put("buttonText", form.checkAnswers().submitText().in(language));
    if (!state.route().isEmpty()) {
      view.put("backLink", url(state.route().get(state.route().size() - 1).path()));
    }
    return new FormResponse.Page(200, renderer.render("check-answers", view), newSessionId);
  }

  private FormResponse confirmation(String reference, Optional<String> newSessionId) {
    Map<String, Object> view = baseView(form.confirmation().title().in(language));
    view.put("heading", form.confirmation().title().in(language));
    view.put("referenceHtml", "Your reference number<br><strong>" + TextEscaping.escape(reference) + "</strong>");
    List<Map<String, Object>> blocks = new ArrayList<>();
    form.confirmation().body().ifPresent(body -> blocks.add(Map.of("kind", "paragraph", "text", body.in(language))));
    view.put("blocks", blocks);
    return new FormResponse.Page(200, renderer.render("confirmation", view), newSessionId);
  }

  private FormResponse timedOut() {
    return message(200, "Your session has timed out",
        List.of("We have deleted your answers because you did not do anything for "
            + minutes(settings.sessionTimeout().toMinutes()) + ".", "You will need to start again."),
        Optional.of(url(form.startPage())), "Start again", Optional.empty());
  }

  private static String minutes(long minutes) {
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  private FormResponse message(int status, String heading, List<String> paragraphs, Optional<String> link,
      String linkText, Optional<String> newSessionId) {
    Map<String, Object> view = baseView(heading);
    view.put("heading", heading);
    List<Map<String, Object>> blocks = new ArrayList<>();
    paragraphs.forEach(paragraph -> blocks.add(Map.of("kind", "paragraph", "text", paragraph)));
    view.put("blocks", blocks);
    link.ifPresent(href -> view.put("startAgainUrl", href));
    view.put("buttonText", linkText);
    return new FormResponse.Page(status, renderer.render("message-page", view), newSessionId);
  }

  private Map<String, Object> baseView(String title) {
    Map<String, Object> view = new LinkedHashMap<>();
    String serviceName = form.title().in(language);
    view.put("pageTitle", title + " - " + serviceName + " - GOV.UK");
    view.put("language", language);
    view.put("serviceName", serviceName);
    view.put("startUrl", url(form.startPage()));
    view.put("assetPath", settings.assetPath());
    view.put("headHtml", GovukAssets.stylesheetHtml(settings.assetPath()));
    view.put("bodyEndHtml", GovukAssets.scriptHtml(settings.assetPath(), Optional.empty()));
    view.put("backText", "Back");
    return view;
  }

  // ---- Values ---------------------------------------------------------------------------------

  /** An answer as check your answers shows it: escaped text, lines joined with breaks. */
  private String displayHtml(Question question, Object value) {
    List<String> lines = new ArrayList<>();
    if (value instanceof LocalDate date) {
      lines.add(date.format(LONG_DATE));
    } else if (value instanceof Boolean yes) {
      lines.add(yes ? "Yes" : "No");
    } else if (value instanceof BigDecimal number) {
      lines.add(question.type() == QuestionType.MONEY ? "£" + String.format(Locale.UK, "%,.2f", number)
          : number.toPlainString());
    } else if (value instanceof Address address) {
      lines.add(address.line1());
      address.line2().ifPresent(lines::add);
      lines.add(address.town());
      address.county().ifPresent(lines::add);
      lines.add(address.postcode());
    } else if (value instanceof List<?> chosen) {
      chosen.forEach(choice -> lines.add(optionText(question, choice.toString())));
    } else if (question.type().hasOptions()) {
      lines.add(optionText(question, value.toString()));
    } else {
      lines.addAll(List.of(value.toString().split("\n", -1)));
    }
    StringBuilder html = new StringBuilder();
    for (String line : lines) {
      if (html.length() > 0) {
        html.append("<br>");
      }
      html.append(TextEscaping.escape(line));
    }
    return html.toString();
  }

  private String optionText(Question question, String value) {
    List<Option> options = new ArrayList<>(question.options());
    question.noneOption().ifPresent(options::add);
    return options.stream().filter(option -> option.value().equals(value)).findFirst()
        .map(option -> option.text().in(language)).orElse(value);
  }

  private Map<String, Map<String, List<String>>> storedFields(Page page, FormSession session) {
    Map<String, Map<String, List<String>>> fields = new LinkedHashMap<>();
    for (Question question : page.questions()) {
      List<Question> withRevealed = new ArrayList<>(question.revealedQuestions());
      withRevealed.add(0, question);
      for (Question asked : withRevealed) {
        Map<String, List<String>> stored = session.answers().get(asked.name());
        if (stored != null) {
          fields.put(asked.name(), stored);
        }
      }
    }
    return fields;
  }

  private boolean csrfMatches(FormRequest request, FormSession session) {
    String given = first(request.fields().get(CSRF_FIELD));
    return given != null && java.security.MessageDigest.isEqual(
        given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private FormResponse redirect(String path, Optional<String> newSessionId) {
    return new FormResponse.Redirect(url(path), newSessionId);
  }

  private String url(String path) {
    return settings.mountPath() + path;
  }

  private String randomToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A reference a person can read out: the form's prefix and 8 characters without 0/O, 1/I/L. */
  private String newReference() {
    StringBuilder reference = new StringBuilder(form.confirmation().referencePrefix());
    if (reference.length() > 0) {
      reference.append('-');
    }
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        reference.append('-');
      }
      reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
    }
    return reference.toString();
  }
}

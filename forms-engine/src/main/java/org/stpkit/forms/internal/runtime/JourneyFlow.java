package org.stpkit.forms.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.Page;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FileStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.forms.spi.VirusScanner;
import org.stpkit.templates.GovukTemplates;

/**
 * The journey through one form, the engine's one way in: answers a {@link FormRequest} with a page
 * or a redirect.
 *
 * <ul>
 *   <li>The session: found by its cookie, started on the first page, timed out after a quiet
 *       {@code sessionTimeout}; every POST carries the session's CSRF token.
 *   <li>GET shows a page with the answers saved; POST checks them and either shows the page again
 *       with an error summary or saves them and redirects (post / redirect / get).
 *   <li>A page that is not on the user's route, or beyond the first unanswered page, redirects to
 *       the first unanswered page.
 *   <li>After a change from check your answers the user goes back there, or first to any page the
 *       change opened. Sending is {@link Sending}'s; each page's view is {@link Pages}'.
 * </ul>
 *
 * <p>Over 350 lines because it is the one place a request is routed: every page kind's way in reads
 * top to bottom here, and each kind's work is in its own class (repeats, sending, files, saving).
 */
public final class JourneyFlow {
  /**
   * What a form's engine is built from.
   *
   * @param mountPath where the form is served, such as {@code /apply} ({@code ""} for the root)
   * @param assetPath where govuk-frontend's assets are served
   * @param bindTo the record answers are bound to and checked with, if any
   * @param messages a team's messages by language, over the engine's own
   * @param timeoutWarning how long before the session times out the warning opens
   * @param saveAndReturn how saved journeys are kept and their links sent, for a form that offers it
   */
  public record Settings(FormDefinition form, Optional<SaveAndReturn> saveAndReturn,
      GovukTemplates templates, AnswerStore answerStore,
      SubmissionHandler submissionHandler, String mountPath, String assetPath, Duration sessionTimeout, Clock clock,
      Optional<Class<? extends Record>> bindTo, Map<String, Map<String, String>> messages, Duration timeoutWarning) {
    public Settings {
      Objects.requireNonNull(form, "form");
      messages = Map.copyOf(messages);
    }
  }

  private static final String CSRF_FIELD = "csrfToken";
  private static final Logger LOG = Logger.getLogger(JourneyFlow.class.getName());
  /** The query parameter the language navigation sets: {@code ?lang=cy}. */
  static final String LANGUAGE = "lang";
  /** Below {@link EngineAssets#PREFIX}: what the timeout warning asks to keep the session alive. */
  static final String KEEP_ALIVE = "keep-alive";

  private final FormDefinition form;
  private final AnswerStore answerStore;
  private final Clock clock;
  private final Duration sessionTimeout;
  private final Journey journey;
  private final Optional<AnswerBinding<?>> binding;
  /** What the user reads and types in, by language: the form's first language first. */
  private final Map<String, InLanguage> languages = new LinkedHashMap<>();
  private final Sending sending;
  private final RepeatFlow repeats;
  private final SaveAndReturnFlow saveAndReturn;
  private final Tokens tokens = new Tokens();
  private final EngineAssets assets = new EngineAssets();
  private final FileUploads uploads;

  private JourneyFlow(Settings settings, Optional<VirusScanner> scanner, Optional<FileStore> fileStore) {
    this.form = settings.form();
    this.answerStore = new GuardedAnswerStore(settings.answerStore());
    this.clock = settings.clock();
    this.sessionTimeout = settings.sessionTimeout();
    for (String language : form.languages()) {
      Messages messages = new Messages(language, settings.messages().getOrDefault(language, Map.of()));
      languages.put(language, new InLanguage(new AnswerParser(messages, clock), new Pages(form, messages,
          new QuestionComponents(messages, settings.templates()), new PageWriter(settings.templates(), messages),
          settings.mountPath(), settings.assetPath(), sessionTimeout, settings.timeoutWarning())));
    }
    // Typed values do not depend on the language they were typed in: one parser walks every journey.
    this.journey = new Journey(form, languages.values().iterator().next().parser());
    this.binding = settings.bindTo().map(type -> binding(type, form));
    this.uploads = new FileUploads(form, scanner, fileStore, sessionTimeout);
    this.sending = new Sending(form, answerStore, settings.submissionHandler(), binding, tokens, clock, sessionTimeout,
        uploads);
    this.repeats = new RepeatFlow(journey, answerStore, clock, sessionTimeout);
    this.saveAndReturn = new SaveAndReturnFlow(form, settings.saveAndReturn(), journey, answerStore, tokens, clock,
        sessionTimeout);
  }

  /** The parser and pages of one language. */
  private record InLanguage(AnswerParser parser, Pages pages) {}

  /**
   * The journey for a form; its file questions' files are scanned by {@code scanner} and kept in
   * {@code fileStore} (by default a new temporary directory).
   *
   * @throws org.stpkit.forms.FormsException when the record to bind to does not fit the form's questions, or the
   *     form has file questions and no virus scanner is given
   */
  public static JourneyFlow create(Settings settings, Optional<VirusScanner> scanner, Optional<FileStore> fileStore) {
    return new JourneyFlow(settings, scanner, fileStore);
  }

  private static <R extends Record> AnswerBinding<?> binding(Class<R> type, FormDefinition form) {
    return new AnswerBinding<>(type, form);
  }

  /**
   * Answers a request; when the answer store cannot be reached, a 503 page ("Sorry, there is a
   * problem with the service") and nothing else: the journey goes on once the store is back.
   */
  public FormResponse handle(FormRequest request) {
    try {
      return handleWithStore(request);
    } catch (GuardedAnswerStore.Unavailable e) {
      // One line a request while the store is down; the stack trace at FINE for whoever needs it.
      LOG.warning("Form " + form.id() + ": " + e.getMessage());
      LOG.log(Level.FINE, "The answer store's failure", e.getCause());
      return problemPage(MessagePage.SERVICE_UNAVAILABLE.status);
    }
  }

  private FormResponse handleWithStore(FormRequest request) {
    String path = request.path().isEmpty() ? "/" : request.path();
    Instant now = clock.instant();
    boolean post = request.method() == FormRequest.Method.POST;
    boolean engineResource = path.startsWith(EngineAssets.PREFIX);
    Optional<String> chosenLanguage = Optional.ofNullable(first(request.query().get(LANGUAGE)))
        .filter(languages::containsKey);
    // Reading a page keeps the session alive, as writing does: marked as the session is read, in one
    // call to the store (one round trip to Redis, not two, on every page a user reads).
    boolean readingPage = !post && !engineResource && chosenLanguage.isEmpty();
    Optional<FormSession> found = request.sessionId()
        .flatMap(id -> readingPage ? answerStore.touch(id, now, sessionTimeout) : answerStore.find(id))
        .filter(session -> session.formId().equals(form.id()))
        .filter(session -> !session.updatedAt().plus(sessionTimeout).isBefore(now));
    if (engineResource) {
      return engineResource(path.substring(EngineAssets.PREFIX.length()), found, now);
    }
    boolean startingOut = path.equals("/") || path.equals(form.startPage()) || saveAndReturn.startsJourney(path);
    if (found.isEmpty() && (post || request.sessionId().isPresent() && !startingOut)) {
      return timedOut(chosenLanguage.map(languages::get).orElseGet(this::firstLanguage));
    }
    Optional<String> newSessionId = Optional.empty();
    FormSession session;
    if (found.isPresent()) {
      session = found.get();
    } else {
      session = FormSession.start(tokens.secret(), form.id(), tokens.secret(), now);
      answerStore.save(session, sessionTimeout);
      newSessionId = Optional.of(session.id());
    }
    uploads.keepAlive(session, now);
    if (post && request.uploadTooLarge()) {
      // Unread, so without its CSRF token: the page is shown again with the error, and nothing changes.
      return uploads.tooLargeToRead(journey, in(session).pages(), in(session).parser(), path, session,
          Pages.RETURN_TO_CHECK_ANSWERS.equals(first(request.query().get(Pages.RETURN_TO))), newSessionId);
    }
    if (post && !csrfMatches(request, session)) {
      return in(session).pages().message(MessagePage.CSRF_REFUSED, MessagePage.CSRF_REFUSED.status, path, newSessionId);
    }
    if (!post && chosenLanguage.isPresent()) {
      // The language navigation sets the language (and keeps the session alive, as every read does).
      String language = chosenLanguage.get();
      Optional<FormSession> changed = answerStore.update(session.id(), s -> s.inLanguage(language, now), sessionTimeout);
      if (changed.isEmpty()) {
        return timedOut(in(session));
      }
      session = changed.get();
    }
    return route(request, path, session, newSessionId);
  }

  /** Where a request with a live session goes. */
  private FormResponse route(FormRequest request, String path, FormSession session, Optional<String> newSessionId) {
    boolean post = request.method() == FormRequest.Method.POST;
    Pages pages = in(session).pages();
    if (saveAndReturn.owns(path)) {
      return saveAndReturn.handle(request, path, session, pages, newSessionId);
    }
    Journey.State state = journey.walk(session);
    if (session.submissionReference().isPresent() && !path.equals(Pages.CONFIRMATION)) {
      return redirect(Pages.CONFIRMATION, newSessionId);
    }
    if (path.equals("/")) {
      return redirect(form.startPage(), newSessionId);
    }
    if (path.equals(Pages.CHECK_ANSWERS)) {
      if (!state.isComplete()) {
        return redirect(state.nextToAnswer().get().path(), newSessionId);
      }
      return post ? sending.send(session, state, pages, newSessionId)
          : pages.checkAnswers(session, state, List.of(), newSessionId);
    }
    if (path.equals(Pages.CONFIRMATION)) {
      return session.submissionReference().isPresent()
          ? pages.confirmation(session.submissionReference().get(), newSessionId)
          : redirect(form.startPage(), newSessionId);
    }
    Optional<RepeatFlow.Removal> removal = RepeatFlow.removal(form, path);
    if (removal.isPresent()) {
      return repeats.remove(removal.get(), request, session, state, pages, newSessionId);
    }
    Optional<Step> step = journey.step(path);
    if (step.isEmpty()) {
      return pages.message(MessagePage.NOT_FOUND, 404, path, newSessionId);
    }
    if (!state.mayVisit(path)) {
      return redirect(state.nextToAnswer().map(Step::path).orElse(Pages.CHECK_ANSWERS), newSessionId);
    }
    boolean changing = Pages.RETURN_TO_CHECK_ANSWERS.equals(first(request.query().get(Pages.RETURN_TO)))
        || Pages.RETURN_TO_CHECK_ANSWERS.equals(first(request.fields().get(Pages.RETURN_TO)));
    if (step.get().item().isEmpty() && step.get().page().repeat().isPresent()) {
      return post ? repeats.answer(step.get().page(), request, session, state, pages, changing, newSessionId)
          : pages.repeatSummary(step.get().page(), session, state, Optional.empty(), changing, newSessionId);
    }
    if (!post || step.get().page().exit()) {
      // An exit page has nothing to send: a post to it shows it again.
      return pages.questionPage(step.get(), session, state, storedFields(step.get(), session), Map.of(), changing,
          newSessionId);
    }
    return answer(step.get(), request, session, state, changing, newSessionId);
  }

  /**
   * The page for a request the engine never saw because the adapter refused it (400, 405, 413) or
   * for a failure (500): a GOV.UK message page, never a stack trace.
   */
  public FormResponse.Page problemPage(int status) {
    return firstLanguage().pages().message(MessagePage.forStatus(status), status, form.startPage(), Optional.empty());
  }

  /** A page posted: its answers checked, then saved and on to the next page, or the page again with errors. */
  private FormResponse answer(Step step, FormRequest request, FormSession session, Journey.State before,
      boolean changing, Optional<String> newSessionId) {
    InLanguage language = in(session);
    Map<String, Map<String, List<String>>> fields = new LinkedHashMap<>();
    Map<String, FieldError> errors = new LinkedHashMap<>();
    for (Question question : step.page().questions()) {
      ParsedAnswer parsed = question.type() == QuestionType.FILE
          ? uploads.receive(question, step, request, session, language.parser())
          : language.parser().parse(question, request.fields());
      record(question, parsed, fields, errors);
      for (Question revealed : AnswerParser.revealedBy(question, parsed.value())) {
        record(revealed, language.parser().parse(revealed, request.fields()), fields, errors);
      }
    }
    boolean saving = saveAndReturn.saveRequested(request);
    if (!errors.isEmpty()) {
      // Saving for later keeps the answers given so far; this page's, not yet right, are not kept.
      return saving ? saveAndReturn.toSavePage(step.path(), language.pages(), newSessionId)
          : language.pages().questionPage(step, session, before, fields, errors, changing, newSessionId);
    }
    Instant now = clock.instant();
    Map<String, Map<String, List<String>>> stored = new LinkedHashMap<>();
    fields.forEach((name, typed) -> stored.put(step.prefix() + name, typed));
    // Merged into the stored session as it is now, so another tab's answers saved meanwhile are kept.
    Optional<FormSession> updated = answerStore.update(session.id(),
        current -> RepeatFlow.counted(step, current.withPageAnswers(step.path(), stored, now), now), sessionTimeout);
    if (updated.isEmpty()) {
      return timedOut(language);
    }
    if (saving) {
      return saveAndReturn.toSavePage(step.path(), language.pages(), newSessionId);
    }
    Journey.State after = journey.walk(updated.get());
    if (changing) {
      return after.nextToAnswer()
          .map(next -> redirect(next.path() + "?" + Pages.RETURN_TO + "=" + Pages.RETURN_TO_CHECK_ANSWERS, newSessionId))
          .orElseGet(() -> redirect(Pages.CHECK_ANSWERS, newSessionId));
    }
    if (step.item().isPresent()) {
      // On to the item's next page still to answer, else back to the list of items.
      Step.Item item = step.item().get();
      return redirect(after.nextToAnswer().filter(next -> next.item().equals(step.item())).map(Step::path)
          .orElse(item.holder().path()), newSessionId);
    }
    return journey.nextPath(step.page(), after.answers()).map(next -> redirect(next, newSessionId))
        .orElseGet(() -> redirect(Pages.CHECK_ANSWERS, newSessionId));
  }

  /** The engine's own files, and the timeout warning's keep-alive: 204 while the session lives, 410 after. */
  private FormResponse engineResource(String name, Optional<FormSession> session, Instant now) {
    if (name.equals(KEEP_ALIVE)) {
      Optional<FormSession> touched = session.flatMap(s -> answerStore.update(s.id(), live -> live.touchedAt(now),
          sessionTimeout));
      return new FormResponse.Resource(touched.isPresent() ? 204 : 410, "text/plain;charset=UTF-8", new byte[0],
          "no-store", Optional.empty());
    }
    return assets.find(name).orElseGet(() -> firstLanguage().pages().message(MessagePage.NOT_FOUND, 404,
        form.startPage(), Optional.empty()));
  }

  private InLanguage in(FormSession session) {
    return session.language().map(languages::get).orElseGet(this::firstLanguage);
  }

  private InLanguage firstLanguage() {
    return languages.values().iterator().next();
  }

  /** One question's answer as typed, and its error (the answer's own, or the bound record's constraint). */
  private void record(Question question, ParsedAnswer parsed, Map<String, Map<String, List<String>>> fields,
      Map<String, FieldError> errors) {
    fields.put(question.name(), parsed.fields());
    parsed.error().ifPresent(error -> errors.put(question.name(), error));
    if (parsed.isValid() && binding.isPresent()) {
      List<String> messages = binding.get().check(question.name(), parsed.value());
      if (!messages.isEmpty()) {
        errors.put(question.name(), new FieldError(AnswerParser.firstFieldId(question), messages.get(0)));
      }
    }
  }

  /** The fields as the user typed them for a page's questions (and those its options reveal), by question name. */
  static Map<String, Map<String, List<String>>> storedFields(Step step, FormSession session) {
    Map<String, Map<String, List<String>>> fields = new LinkedHashMap<>();
    for (Question question : step.page().questions()) {
      List<Question> withRevealed = new ArrayList<>(question.revealedQuestions());
      withRevealed.add(0, question);
      for (Question asked : withRevealed) {
        Map<String, List<String>> stored = session.answers().get(step.prefix() + asked.name());
        if (stored != null) {
          fields.put(asked.name(), stored);
        }
      }
    }
    return fields;
  }

  private FormResponse timedOut(InLanguage language) {
    return language.pages().message(MessagePage.TIMED_OUT, MessagePage.TIMED_OUT.status, form.startPage(),
        Optional.empty());
  }

  private static boolean csrfMatches(FormRequest request, FormSession session) {
    String given = first(request.fields().get(CSRF_FIELD));
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        session.csrfToken().getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable String first(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private FormResponse redirect(String path, Optional<String> newSessionId) {
    return new FormResponse.Redirect(firstLanguage().pages().url(path), newSessionId);
  }
}

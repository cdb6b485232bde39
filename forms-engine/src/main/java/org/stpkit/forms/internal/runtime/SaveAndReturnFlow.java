package org.stpkit.forms.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.LocalisedText;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.ReturnLink;
import org.stpkit.forms.spi.SavedProgress;

/**
 * "Save and come back later": the page that asks for an email address (and the answer to the form's
 * security question), the page that says the link is on its way, and the link back.
 *
 * <ul>
 *   <li>Saving writes the journey to the {@link org.stpkit.forms.spi.ProgressStore} under the digest of
 *       a new secret, then sends the link with the secret; a store or sender that fails discards it
 *       and tells the user nothing was saved. Then the answers leave the session: they are in the
 *       store, and a shared computer keeps nothing of them.
 *   <li>The link shows a page with a button (and the security question): following the link never uses
 *       it, since mail scanners follow links too. The button uses it, once, across instances, and
 *       starts a new session with the saved answers at the page the user left.
 *   <li>A link unknown, used, expired, or refused after too many wrong answers gets its own page.
 * </ul>
 */
final class SaveAndReturnFlow {
  static final String SAVE = "/progress/save";
  static final String SAVED = "/progress/saved";
  static final String RETURN = "/return/";
  /** The name of the secondary button on pages of questions. */
  static final String SAVE_BUTTON = "saveAndReturn";
  static final String FROM = "from";
  static final String EMAIL = "email";
  static final String SECURITY_ANSWER = "securityAnswer";
  /**
   * What the saved page reads, kept in a session whose answers went to the store: the address and the
   * expiry. Question names start with a letter, so this key is no question's.
   */
  static final String SAVED_MARKER = "_saved";
  private static final String EXPIRES_AT = "expiresAt";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
  private static final int MAX_EMAIL = 256;
  static final int MAX_ANSWER = 100;
  private static final Logger LOG = Logger.getLogger(SaveAndReturnFlow.class.getName());

  /** Why a link does not work. */
  enum LinkProblem { UNKNOWN, USED, EXPIRED, REFUSED }

  private final FormDefinition form;
  private final Optional<SaveAndReturn> settings;
  private final Journey journey;
  private final AnswerStore answerStore;
  private final Tokens tokens;
  private final Clock clock;
  private final Duration sessionTimeout;

  SaveAndReturnFlow(FormDefinition form, Optional<SaveAndReturn> settings, Journey journey, AnswerStore answerStore,
      Tokens tokens, Clock clock, Duration sessionTimeout) {
    this.form = form;
    // Only a form that offers it: FormEngine refuses to build one that offers it without settings.
    this.settings = form.saveAndReturn().isPresent() ? settings : Optional.empty();
    this.journey = journey;
    this.answerStore = answerStore;
    this.tokens = tokens;
    this.clock = clock;
    this.sessionTimeout = sessionTimeout;
  }

  /** Whether the path is one of save and return's pages. */
  boolean owns(String path) {
    return settings.isPresent() && (path.equals(SAVE) || path.equals(SAVED) || path.startsWith(RETURN));
  }

  /** Whether a GET of the path may start a session, as the first page does: a link from an email. */
  boolean startsJourney(String path) {
    return settings.isPresent() && path.startsWith(RETURN);
  }

  /** Whether a page of questions was posted with "Save and come back later". */
  boolean saveRequested(FormRequest request) {
    return settings.isPresent() && request.fields().containsKey(SAVE_BUTTON);
  }

  /**
   * On to the page that asks for the address, remembering the page the user was on (a path of the
   * form: lower-case letters, digits, hyphens and slashes, which a query may hold as they are).
   */
  FormResponse toSavePage(String from, Pages pages, Optional<String> newSessionId) {
    return new FormResponse.Redirect(pages.url(SAVE + "?" + FROM + "=" + from), newSessionId);
  }

  FormResponse handle(FormRequest request, String path, FormSession session, Pages pages,
      Optional<String> newSessionId) {
    SaveAndReturnPages views = new SaveAndReturnPages(pages, question(), form.startPage());
    boolean post = request.method() == FormRequest.Method.POST;
    if (path.startsWith(RETURN)) {
      try {
        return resume(request, path, session, views, newSessionId);
      } catch (RuntimeException e) {
        // The progress store (or the answer store) cannot be reached: the link is left as it was.
        LOG.log(Level.WARNING, "Form " + form.id() + ": a return link could not be followed; the user may try again", e);
        return pages.message(MessagePage.SERVICE_UNAVAILABLE, MessagePage.SERVICE_UNAVAILABLE.status, path,
            newSessionId);
      }
    }
    if (session.submissionReference().isPresent()) {
      return new FormResponse.Redirect(pages.url(Pages.CONFIRMATION), newSessionId);
    }
    if (path.equals(SAVED)) {
      Map<String, List<String>> saved = session.answers().get(SAVED_MARKER);
      return saved == null ? new FormResponse.Redirect(pages.url(form.startPage()), newSessionId)
          : views.saved(first(saved.get(EMAIL)), Instant.parse(first(saved.get(EXPIRES_AT))), newSessionId);
    }
    if (session.answers().keySet().equals(Set.of(SAVED_MARKER))) {
      // Saved already, and nothing answered since (the back button): a second link would lead nowhere new.
      return new FormResponse.Redirect(pages.url(SAVED), newSessionId);
    }
    String from = returnPath(first(post ? request.fields().get(FROM) : request.query().get(FROM)));
    if (!post) {
      return views.savePage(from, session, Map.of(), Map.of(), linkDays(), newSessionId);
    }
    return save(request, from, session, views, newSessionId);
  }

  private FormResponse save(FormRequest request, String from, FormSession session, SaveAndReturnPages views,
      Optional<String> newSessionId) {
    SaveAndReturn config = settings.orElseThrow();
    Messages messages = views.messages();
    String email = first(request.fields().get(EMAIL)).strip();
    String answer = first(request.fields().get(SECURITY_ANSWER));
    Map<String, String> errors = new LinkedHashMap<>();
    if (email.isEmpty()) {
      errors.put(EMAIL, messages.get("saveAndReturn.error.email.required"));
    } else if (email.length() > MAX_EMAIL || !AnswerCheck.EMAIL.matcher(email).matches()) {
      errors.put(EMAIL, messages.get("error.email"));
    }
    if (question().isPresent() && answer.isBlank()) {
      errors.put(SECURITY_ANSWER, messages.get("saveAndReturn.error.answer.required"));
    } else if (question().isPresent() && answer.strip().codePointCount(0, answer.strip().length()) > MAX_ANSWER) {
      errors.put(SECURITY_ANSWER, messages.get("saveAndReturn.error.answer.tooLong", MAX_ANSWER));
    }
    if (!errors.isEmpty()) {
      return views.savePage(from, session, Map.of(EMAIL, email, SECURITY_ANSWER, answer), errors, linkDays(),
          newSessionId);
    }
    Instant now = clock.instant();
    String secret = tokens.secret();
    Map<String, Map<String, List<String>>> answers = new LinkedHashMap<>(session.answers());
    answers.remove(SAVED_MARKER);
    SavedProgress progress = new SavedProgress(UUID.randomUUID().toString(), Tokens.digest(secret), form.id(),
        form.version(), answers, session.completedPages(), session.language(), from,
        question().map(q -> SecurityAnswers.hash(answer)), now, now.plus(config.linkValidFor()));
    try {
      config.progressStore().save(progress);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Form " + form.id() + ": progress could not be saved; the user may try again", e);
      return views.notSaved(from, newSessionId);
    }
    ReturnLink link = new ReturnLink(progress.id(), form.id(), views.pages().text(form.title()), email,
        config.formUrl() + RETURN + secret, progress.expiresAt(), views.date(progress.expiresAt()),
        views.pages().language());
    try {
      config.sender().send(link);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Form " + form.id() + ": " + link + " could not be sent; its progress is discarded", e);
      discard(progress.tokenHash());
      return views.notSaved(from, newSessionId);
    }
    // The answers are in the store now; the session keeps only what the next page says.
    answerStore.update(session.id(), current -> current.withAnswers(Map.of(SAVED_MARKER,
        Map.of(EMAIL, List.of(email), EXPIRES_AT, List.of(progress.expiresAt().toString()))), Set.of(), now),
        sessionTimeout);
    return new FormResponse.Redirect(views.pages().url(SAVED), newSessionId);
  }

  private FormResponse resume(FormRequest request, String path, FormSession session, SaveAndReturnPages views,
      Optional<String> newSessionId) {
    String secret = path.substring(RETURN.length());
    if (!TOKEN.matcher(secret).matches()) {
      return views.linkProblem(LinkProblem.UNKNOWN, path, newSessionId);
    }
    String tokenHash = Tokens.digest(secret);
    SaveAndReturn config = settings.orElseThrow();
    Optional<SavedProgress.Link> link = config.progressStore().find(tokenHash);
    Optional<LinkProblem> problem = problem(link);
    if (problem.isPresent()) {
      return views.linkProblem(problem.get(), path, newSessionId);
    }
    if (request.method() == FormRequest.Method.GET) {
      return views.resumePage(path, link.get(), session, null, newSessionId);
    }
    // A form whose new version asks no question any more cannot ask it: the link is enough.
    Optional<String> answerHash = link.get().securityAnswerHash().filter(hash -> question().isPresent());
    if (answerHash.isPresent()) {
      String answer = first(request.fields().get(SECURITY_ANSWER));
      if (answer.isBlank()) {
        return views.resumePage(path, link.get(), session, views.messages().get("saveAndReturn.error.answer.required"),
            newSessionId);
      }
      // Counted before it is checked, so that answers sent at once to several instances all count.
      int attempt = config.progressStore().countAttempt(tokenHash);
      boolean right = attempt <= config.maxWrongAnswers() && SecurityAnswers.matches(answer, answerHash.get());
      if (!right && attempt >= config.maxWrongAnswers()) {
        discard(tokenHash);
        return views.linkProblem(LinkProblem.REFUSED, path, newSessionId);
      }
      if (!right) {
        return views.resumePage(path, link.get(), session, views.messages().get("saveAndReturn.error.answer.wrong",
            config.maxWrongAnswers() - attempt), newSessionId);
      }
    }
    Instant now = clock.instant();
    Optional<SavedProgress> progress = config.progressStore().use(tokenHash, now);
    if (progress.isEmpty()) {
      // Used meanwhile (a double click, another tab or instance), or expired since the page was shown.
      return views.linkProblem(problem(config.progressStore().find(tokenHash)).orElse(LinkProblem.USED), path,
          newSessionId);
    }
    SavedProgress saved = progress.get();
    FormSession resumed = FormSession.start(tokens.secret(), form.id(), tokens.secret(), now)
        .withAnswers(saved.answers(), saved.completedPages(), now);
    if (saved.language().filter(form.languages()::contains).isPresent()) {
      resumed = resumed.inLanguage(saved.language().get(), now);
    }
    answerStore.save(resumed, sessionTimeout);
    LOG.fine(() -> "Form " + form.id() + ": saved progress " + saved.id() + " resumed in a new session");
    return new FormResponse.Redirect(views.pages().url(returnPath(saved.returnPath())), Optional.of(resumed.id()));
  }

  /** Why a link does not work now, if it does not. */
  private Optional<LinkProblem> problem(Optional<SavedProgress.Link> found) {
    if (found.isEmpty() || !found.get().formId().equals(form.id())) {
      return Optional.of(LinkProblem.UNKNOWN);
    }
    SavedProgress.Link link = found.get();
    if (link.used()) {
      return Optional.of(LinkProblem.USED);
    }
    if (!link.expiresAt().isAfter(clock.instant())) {
      return Optional.of(LinkProblem.EXPIRED);
    }
    if (link.discarded() || link.attempts() >= settings.orElseThrow().maxWrongAnswers()) {
      return Optional.of(LinkProblem.REFUSED);
    }
    return Optional.empty();
  }

  /** A page of the journey to go back to; the start for anything else (never a path that leaves the form). */
  private String returnPath(String path) {
    return !path.isEmpty() && journey.step(path).isPresent() ? path : form.startPage();
  }

  private void discard(String tokenHash) {
    try {
      settings.orElseThrow().progressStore().discard(tokenHash);
    } catch (RuntimeException e) {
      // Nobody has the link's secret: what is left cannot be used, only purged when it expires.
      LOG.log(Level.WARNING, "Form " + form.id() + ": saved progress could not be discarded", e);
    }
  }

  private Optional<LocalisedText> question() {
    return form.saveAndReturn().flatMap(FormDefinition.SaveAndReturnSettings::securityQuestion);
  }

  private long linkDays() {
    return settings.orElseThrow().linkValidFor().toDays();
  }

  private static String first(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? "" : values.get(0);
  }
}

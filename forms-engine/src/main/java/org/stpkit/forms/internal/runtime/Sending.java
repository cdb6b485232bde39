package org.stpkit.forms.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.Page;
import org.stpkit.forms.Question;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.forms.spi.SubmissionOutbox;

/**
 * Sends a completed journey once: the bound record checked as a whole first, then the session
 * claimed in the answer store, so that a double click or a resubmit sends nothing twice; a handler
 * that throws gives the claim back and the user a page to try again, with nothing lost. A
 * {@link SubmissionOutbox} records the journey itself, once, and needs no claim.
 */
final class Sending {
  private static final Logger LOG = Logger.getLogger(Sending.class.getName());

  private final FormDefinition form;
  private final AnswerStore answerStore;
  private final SubmissionHandler handler;
  private final Optional<AnswerBinding<?>> binding;
  private final Tokens tokens;
  private final Clock clock;
  private final Duration sessionTimeout;
  private final FileUploads uploads;

  Sending(FormDefinition form, AnswerStore answerStore, SubmissionHandler handler, Optional<AnswerBinding<?>> binding,
      Tokens tokens, Clock clock, Duration sessionTimeout, FileUploads uploads) {
    this.form = form;
    this.answerStore = answerStore;
    this.handler = handler;
    this.binding = binding;
    this.tokens = tokens;
    this.clock = clock;
    this.sessionTimeout = sessionTimeout;
    this.uploads = uploads;
  }

  /** Sends the answers on the route; {@code pages} in the user's language show any problem. */
  FormResponse send(FormSession session, Journey.State state, Pages pages, Optional<String> newSessionId) {
    Optional<Record> bound = Optional.empty();
    if (binding.isPresent()) {
      List<AnswerBinding.Violation> violations = binding.get().checkAll(state.answers());
      if (!violations.isEmpty()) {
        return showViolation(violations, session, state, pages, newSessionId);
      }
      bound = Optional.of(binding.get().bind(state.answers()));
    }
    String reference = tokens.reference(form.confirmation().referencePrefix());
    Instant now = clock.instant();
    Map<String, byte[]> files;
    try {
      files = uploads.contents(session, state.answers());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Form " + form.id() + ": the uploaded files could not be read; the user may try again", e);
      return pages.message(MessagePage.NOT_SENT, MessagePage.NOT_SENT.status, Pages.CHECK_ANSWERS, newSessionId);
    }
    Submission submission = new Submission(form.id(), form.version(), reference, state.answers(),
        state.route().stream().map(Step::path).toList(), now, bound, files);
    if (handler instanceof SubmissionOutbox outbox) {
      return record(outbox, session, submission, pages, newSessionId);
    }
    String winner = answerStore.claimSubmission(session.id(), reference);
    if (!winner.equals(reference)) {
      // Another request for this journey (a double click, a resubmit) is sending or has sent it.
      return redirect(pages, Pages.CONFIRMATION, newSessionId);
    }
    try {
      handler.submit(submission);
    } catch (RuntimeException e) {
      answerStore.releaseSubmission(session.id(), reference);
      return pages.message(MessagePage.NOT_SENT, MessagePage.NOT_SENT.status, Pages.CHECK_ANSWERS, newSessionId);
    }
    answerStore.update(session.id(), current -> current.withSubmissionReference(reference, now), sessionTimeout);
    uploads.ended(session);
    return redirect(pages, Pages.CONFIRMATION, newSessionId);
  }

  /**
   * Sending through an outbox: its database decides whether the journey is already sent and gives
   * the reference to show; the session only remembers it. A failure to record shows the user the
   * page to try again; a failure to remember it is the answer store's (a 503) and is put right by
   * the next attempt, which the outbox answers with the same reference.
   */
  private FormResponse record(SubmissionOutbox outbox, FormSession session, Submission submission, Pages pages,
      Optional<String> newSessionId) {
    String recorded;
    try {
      recorded = outbox.record(Tokens.journeyKey(session.id()), submission);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Form " + form.id() + ": the submission could not be recorded; the user may try again", e);
      return pages.message(MessagePage.NOT_SENT, MessagePage.NOT_SENT.status, Pages.CHECK_ANSWERS, newSessionId);
    }
    answerStore.update(session.id(), current -> current.withSubmissionReference(recorded, submission.submittedAt()),
        sessionTimeout);
    uploads.ended(session);
    return redirect(pages, Pages.CONFIRMATION, newSessionId);
  }

  /**
   * A violation found when the whole record is checked: shown on the page of the question it names,
   * as if that page had just been posted, or on check your answers when it names none.
   */
  private FormResponse showViolation(List<AnswerBinding.Violation> violations, FormSession session, Journey.State state,
      Pages pages, Optional<String> newSessionId) {
    for (AnswerBinding.Violation violation : violations) {
      Optional<Question> question = violation.question().flatMap(form::question);
      Optional<Page> page = question.flatMap(q -> form.pageOf(q.name())).filter(p -> state.onRoute(p.path()));
      if (page.isPresent()) {
        return pages.questionPage(Step.of(page.get()), session, state, JourneyFlow.storedFields(Step.of(page.get()), session),
            Map.of(question.get().name(), new FieldError(AnswerParser.firstFieldId(question.get()), violation.message())),
            true, newSessionId);
      }
    }
    return pages.checkAnswers(session, state, violations.stream().map(AnswerBinding.Violation::message).toList(),
        newSessionId);
  }

  private static FormResponse redirect(Pages pages, String path, Optional<String> newSessionId) {
    return new FormResponse.Redirect(pages.url(path), newSessionId);
  }
}

package org.stpkit.forms.internal.runtime;

import java.util.List;

/**
 * The pages that only say something, by their message keys: a problem with a request or the service,
 * a session that timed out. Each has its status, title, paragraphs and where its one button goes.
 */
enum MessagePage {
  TIMED_OUT(200, "timedOut.title", List.of("timedOut.deleted", "timedOut.startAgain"), Button.START, "button.startAgain"),
  CSRF_REFUSED(403, "problem.csrf.title", List.of("problem.csrf.body"), Button.SAME_PAGE, "button.goBackToPage"),
  BAD_REQUEST(400, "problem.badRequest.title", List.of("problem.badRequest.body"), Button.START, "button.goToStart"),
  NOT_FOUND(404, "problem.notFound.title", List.of("problem.notFound.typed", "problem.notFound.pasted"), Button.START,
      "button.goToStart"),
  METHOD_NOT_ALLOWED(405, "problem.methodNotAllowed.title", List.of("problem.methodNotAllowed.body"), Button.START,
      "button.goToStart"),
  TOO_LARGE(413, "problem.tooLarge.title", List.of("problem.tooLarge.body"), Button.NONE, "button.goToStart"),
  SERVICE_PROBLEM(500, "problem.service.title", List.of("problem.service.body"), Button.START, "button.goToStart"),
  /** A part the service needs (the answer store) cannot be reached: nothing to press until it is back. */
  SERVICE_UNAVAILABLE(503, "problem.service.title", List.of("problem.service.body"), Button.NONE, "button.goToStart"),
  NOT_SENT(503, "problem.service.title", List.of("problem.notSent.body", "problem.notSent.tryAgain"),
      Button.CHECK_ANSWERS, "button.tryAgain");

  /** Where the page's button goes. */
  enum Button { NONE, START, SAME_PAGE, CHECK_ANSWERS }

  final int status;
  final String titleKey;
  final List<String> paragraphKeys;
  final Button button;
  final String buttonKey;

  MessagePage(int status, String titleKey, List<String> paragraphKeys, Button button, String buttonKey) {
    this.status = status;
    this.titleKey = titleKey;
    this.paragraphKeys = paragraphKeys;
    this.button = button;
    this.buttonKey = buttonKey;
  }

  /** The page an adapter shows for a status it refuses a request with (or for a failure). */
  static MessagePage forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 413 -> TOO_LARGE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> SERVICE_PROBLEM;
    };
  }
}

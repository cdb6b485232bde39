package org.stpkit.notifysimulator.internal;

/**
 * One of Notify's error answers: the HTTP status, the error type ({@code ValidationError},
 * {@code BadRequestError}, {@code AuthError}, ...) and Notify's message.
 */
record NotifyError(int status, String error, String message) {
  static NotifyError validation(String message) {
    return new NotifyError(400, "ValidationError", message);
  }

  static NotifyError badRequest(String message) {
    return new NotifyError(400, "BadRequestError", message);
  }

  static NotifyError auth(int status, String message) {
    return new NotifyError(status, "AuthError", message);
  }

  static NotifyError noResult() {
    return new NotifyError(404, "NoResultFound", "No result found");
  }

  static NotifyError noRoute() {
    return new NotifyError(404, "NotFound", "The requested URL was not found on the server.");
  }

  static NotifyError serverError() {
    return new NotifyError(500, "Exception", "Internal server error");
  }

  /** Thrown while reading or checking a request to answer with this error. */
  Rejected rejected() {
    return new Rejected(this);
  }

  /** A request refused with one of Notify's errors; cheap, as refusals are routine. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient NotifyError error;

    Rejected(NotifyError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    NotifyError error() {
      return error;
    }
  }
}

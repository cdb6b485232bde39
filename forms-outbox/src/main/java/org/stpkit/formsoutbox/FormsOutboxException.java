package org.stpkit.formsoutbox;

/**
 * The one unchecked exception type of forms-outbox: the database could not be reached or migrated, a
 * submission could not be recorded, or the outbox is configured in a way that cannot work. The
 * message names the form, output or setting concerned.
 */
public class FormsOutboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FormsOutboxException(String message) {
    super(message);
  }

  public FormsOutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}

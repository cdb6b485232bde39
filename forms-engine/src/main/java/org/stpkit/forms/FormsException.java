package org.stpkit.forms;

/** The one unchecked exception type of forms-engine; subtypes carry the context a caller needs. */
public class FormsException extends RuntimeException {
  public FormsException(String message) {
    super(message);
  }

  public FormsException(String message, Throwable cause) {
    super(message, cause);
  }
}

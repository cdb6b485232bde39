package org.stpkit.notify;

/** The one unchecked exception type of notify-adapter; subtypes carry the context a caller needs. */
public class NotifyException extends RuntimeException {
  public NotifyException(String message) {
    super(message);
  }

  public NotifyException(String message, Throwable cause) {
    super(message, cause);
  }
}

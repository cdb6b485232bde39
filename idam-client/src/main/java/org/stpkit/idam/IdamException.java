package org.stpkit.idam;

/** The one unchecked exception type of idam-client; subtypes carry the context a caller needs. */
public class IdamException extends RuntimeException {
  public IdamException(String message) {
    super(message);
  }

  public IdamException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.stpkit.idam;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A call to Keycloak's admin API that failed: what the tool was doing, Keycloak's HTTP status when
 * it answered (none when it did not: a timeout, a refused connection), and the Keycloak user the
 * call was about, when it was about one. Keycloak's own words are in the message.
 */
public class KeycloakException extends IdamException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int status;
  private final @Nullable String user;

  /**
   * @param operation what the tool was doing, such as {@code create user jo.bloggs}
   * @param status Keycloak's HTTP status, or 0 when Keycloak did not answer
   */
  public KeycloakException(String message, String operation, int status, @Nullable Throwable cause) {
    this(message, operation, status, null, cause);
  }

  private KeycloakException(String message, String operation, int status, @Nullable String user,
      @Nullable Throwable cause) {
    super(message, cause);
    this.operation = Objects.requireNonNull(operation, "operation");
    if (status != 0 && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    this.status = status;
    this.user = user;
  }

  /** The same failure, about the Keycloak user {@code user} (a username, or an id when there is no name yet). */
  public KeycloakException aboutUser(String user) {
    KeycloakException about = new KeycloakException(String.valueOf(getMessage()), operation, status, user, getCause());
    about.setStackTrace(getStackTrace());
    return about;
  }

  /** What the tool was doing: {@code create user jo.bloggs}, {@code add group:/staff}. */
  public String operation() {
    return operation;
  }

  /** Keycloak's HTTP status; empty when Keycloak did not answer. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The Keycloak user the call was about, when it was about one. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }
}

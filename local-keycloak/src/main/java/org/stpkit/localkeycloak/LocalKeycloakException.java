package org.stpkit.localkeycloak;

import java.util.Objects;

/** A local Keycloak that could not be unpacked or started, with the reason as a value a caller can act on. */
public final class LocalKeycloakException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why Keycloak could not be had. */
  public enum Reason {
    /** No distribution where one was expected, or a zip that is not one. */
    NO_DISTRIBUTION,
    /** A port Keycloak needs is taken by another program. */
    PORT_IN_USE,
    /** Keycloak exited while starting. */
    STOPPED,
    /** Keycloak did not answer within the start timeout. */
    TIMED_OUT
  }

  private final Reason reason;

  public LocalKeycloakException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public LocalKeycloakException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

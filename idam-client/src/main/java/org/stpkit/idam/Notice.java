package org.stpkit.idam;

/**
 * Something the plan reports but does not change: a role granted by hand outside the policy, a
 * person held because of a bad feed row, a username that is taken.
 */
public record Notice(Kind kind, String employeeNumber, String username, String message) {
  public enum Kind {
    /** A group or role the policy did not give: kept, never removed. */
    HAND_GRANTED,
    /** A person whose feed row was left out: nothing changed for them. */
    HELD,
    /** A joiner whose username is taken by another user, or cannot be made from the feed. */
    NO_USERNAME,
    /** Two Keycloak users carry the same employee number: neither is changed. */
    DUPLICATE_EMPLOYEE_NUMBER,
    /** A managed Keycloak user without an employee number: it cannot be matched to anyone, so it is not changed. */
    NO_EMPLOYEE_NUMBER,
    /** An active person whose account was disabled outside the tool: left disabled. */
    DISABLED_BY_HAND
  }

  @Override
  public String toString() {
    return kind + " " + employeeNumber + (username.isEmpty() ? "" : " (" + username + ")") + ": " + message;
  }
}

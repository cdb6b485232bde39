package org.stpkit.notify;

/**
 * How soon a message goes. Urgent messages (a security code, an appointment moved to today) are
 * sent before any normal backlog and are not held by quiet hours.
 */
public enum Priority {
  URGENT, NORMAL;

  /** As catalogues write it: {@code urgent}, {@code normal}. */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

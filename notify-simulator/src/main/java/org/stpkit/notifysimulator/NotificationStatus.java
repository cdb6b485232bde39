package org.stpkit.notifysimulator;

import java.util.Locale;

/** A notification's status, as Notify's API reports it. */
public enum NotificationStatus {
  /** Email and text: accepted, not yet sent. */
  CREATED,
  /** Email and text: with the provider. */
  SENDING,
  DELIVERED,
  PERMANENT_FAILURE,
  TEMPORARY_FAILURE,
  TECHNICAL_FAILURE,
  /** A letter from a template: accepted, not yet printed. */
  ACCEPTED,
  /** A letter: with the printer, final. */
  RECEIVED,
  CANCELLED,
  /** A letter sent as a PDF: being checked before it is accepted. */
  PENDING_VIRUS_CHECK;

  /** As Notify writes it: {@code permanent-failure}, {@code pending-virus-check}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the status will not change again. */
  public boolean isFinal() {
    return this == DELIVERED || this == PERMANENT_FAILURE || this == TEMPORARY_FAILURE || this == TECHNICAL_FAILURE
        || this == RECEIVED || this == CANCELLED;
  }

  /** Whether it is one of the failures that Notify's {@code status=failed} filter matches. */
  public boolean isFailure() {
    return this == PERMANENT_FAILURE || this == TEMPORARY_FAILURE || this == TECHNICAL_FAILURE;
  }
}

package org.stpkit.examples.caseworking;

/**
 * What happens to an application, in order. Each is a milestone of the Notify catalogue
 * ({@code notify-milestones.yaml}) and sends the applicant its messages.
 */
public enum Milestone {
  /** The citizen sent the application (recorded by the form's submission). */
  APPLICATION_SUBMITTED,
  /** A caseworker has received it and started work. */
  APPLICATION_RECEIVED,
  /** The applicant's biometrics appointment is booked. */
  BIOMETRICS_BOOKED,
  /** A decision maker has decided. */
  DECISION_MADE;

  /** The milestone as the URL and the form name it: {@code biometrics-booked}. */
  public String slug() {
    return name().replaceFirst("^APPLICATION_", "").toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<Milestone> fromSlug(String slug) {
    for (Milestone milestone : values()) {
      if (milestone.slug().equals(slug) && milestone != APPLICATION_SUBMITTED) {
        return java.util.Optional.of(milestone);
      }
    }
    return java.util.Optional.empty();
  }
}

package org.stpkit.idam;

import java.util.Optional;

/**
 * Where the tool put a managed user, kept in the {@link ManagedUsers#STATUS} attribute. The tool
 * enables only users it disabled itself ({@link #PRE_HIRE} and {@link #LEAVER}); an {@link #ACTIVE}
 * user disabled by hand stays disabled and is reported.
 */
public enum UserStatus {
  /** Created before their start date: disabled until it comes. */
  PRE_HIRE("pre-hire"),
  /** Employed: enabled, with the access the rules give. */
  ACTIVE("active"),
  /** Disabled as a leaver on {@link ManagedUsers#LEFT_ON}; deleted after the policy's retention. */
  LEAVER("leaver");

  private final String attributeValue;

  UserStatus(String attributeValue) {
    this.attributeValue = attributeValue;
  }

  /** The value as Keycloak holds it in {@link ManagedUsers#STATUS}. */
  public String attributeValue() {
    return attributeValue;
  }

  /** The status an attribute value names; empty for a value the tool never writes. */
  public static Optional<UserStatus> fromAttribute(String value) {
    for (UserStatus status : values()) {
      if (status.attributeValue.equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}

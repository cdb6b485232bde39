package org.stpkit.forms;

import java.util.Objects;

/** The typed answer to a {@code name} question. */
public record PersonName(String givenName, String familyName) {
  public PersonName {
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(familyName, "familyName");
  }

  @Override
  public String toString() {
    return givenName + " " + familyName;
  }
}

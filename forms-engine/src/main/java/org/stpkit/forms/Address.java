package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/** The typed answer to an {@code address} question: a UK address. */
public record Address(String line1, Optional<String> line2, String town, Optional<String> county, String postcode) {
  public Address {
    Objects.requireNonNull(line1, "line1");
    Objects.requireNonNull(line2, "line2");
    Objects.requireNonNull(town, "town");
    Objects.requireNonNull(county, "county");
    Objects.requireNonNull(postcode, "postcode");
  }
}

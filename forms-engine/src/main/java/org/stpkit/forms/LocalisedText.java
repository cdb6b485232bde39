package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/** Text written in English and, for a Welsh form, in Welsh. */
public record LocalisedText(String english, Optional<String> welsh) {
  public LocalisedText {
    Objects.requireNonNull(english, "english");
    Objects.requireNonNull(welsh, "welsh");
  }

  public static LocalisedText of(String english) {
    return new LocalisedText(english, Optional.empty());
  }

  /** The text in a language ({@code "en"} or {@code "cy"}), English when there is no Welsh. */
  public String in(String language) {
    return language.equals("cy") ? welsh.orElse(english) : english;
  }

  @Override
  public String toString() {
    return english;
  }
}

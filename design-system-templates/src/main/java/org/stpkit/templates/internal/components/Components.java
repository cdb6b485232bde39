package org.stpkit.templates.internal.components;

import java.util.Map;
import java.util.Optional;

/** Every component implemented in Java, by its govuk-frontend name. */
public final class Components {
  private static final Map<String, org.stpkit.templates.internal.html.Component> BY_NAME = Map.ofEntries(
      Map.entry("button", Button.INSTANCE),
      Map.entry("error-message", ErrorMessage.INSTANCE),
      Map.entry("fieldset", Fieldset.INSTANCE),
      Map.entry("hint", Hint.INSTANCE),
      Map.entry("input", Input.INSTANCE),
      Map.entry("label", Label.INSTANCE),
      Map.entry("tag", Tag.INSTANCE));

  private Components() {}

  public static Optional<org.stpkit.templates.internal.html.Component> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}

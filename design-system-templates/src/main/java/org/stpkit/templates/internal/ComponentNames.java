package org.stpkit.templates.internal;

import java.util.List;
import java.util.Locale;

/** The govuk-frontend component names and the FreeMarker macro that renders each. */
public final class ComponentNames {
  /** Every component in govuk-frontend 6.6.0, by its package folder name. */
  public static final List<String> ALL =
      List.of(
          "accordion", "back-link", "breadcrumbs", "button", "character-count", "checkboxes",
          "cookie-banner", "date-input", "details", "error-message", "error-summary",
          "exit-this-page", "feedback", "fieldset", "file-upload", "footer", "generic-header",
          "header", "hint", "input", "inset-text", "label", "language-navigation",
          "notification-banner", "pagination", "panel", "password-input", "phase-banner",
          "radios", "select", "service-navigation", "skip-link", "summary-list", "table", "tabs",
          "tag", "task-list", "textarea", "warning-text");

  private ComponentNames() {}

  /** {@code "date-input"} becomes {@code "govukDateInput"}, as in govuk-frontend's macro.njk. */
  public static String macroName(String component) {
    StringBuilder name = new StringBuilder("govuk");
    for (String part : component.split("-")) {
      name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return name.toString();
  }
}

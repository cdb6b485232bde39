package org.stpkit.templates.internal.components;

import java.util.Map;
import java.util.Optional;

/** Every component implemented in Java, by its govuk-frontend name. */
public final class Components {
  private static final Map<String, org.stpkit.templates.internal.html.Component> BY_NAME = Map.ofEntries(
      Map.entry("accordion", Accordion.INSTANCE),
      Map.entry("back-link", BackLink.INSTANCE),
      Map.entry("breadcrumbs", Breadcrumbs.INSTANCE),
      Map.entry("button", Button.INSTANCE),
      Map.entry("character-count", CharacterCount.INSTANCE),
      Map.entry("checkboxes", Checkboxes.INSTANCE),
      Map.entry("cookie-banner", CookieBanner.INSTANCE),
      Map.entry("date-input", DateInput.INSTANCE),
      Map.entry("details", Details.INSTANCE),
      Map.entry("error-message", ErrorMessage.INSTANCE),
      Map.entry("error-summary", ErrorSummary.INSTANCE),
      Map.entry("exit-this-page", ExitThisPage.INSTANCE),
      Map.entry("feedback", Feedback.INSTANCE),
      Map.entry("fieldset", Fieldset.INSTANCE),
      Map.entry("file-upload", FileUpload.INSTANCE),
      Map.entry("footer", Footer.INSTANCE),
      Map.entry("generic-header", GenericHeader.INSTANCE),
      Map.entry("header", Header.INSTANCE),
      Map.entry("hint", Hint.INSTANCE),
      Map.entry("input", Input.INSTANCE),
      Map.entry("inset-text", InsetText.INSTANCE),
      Map.entry("label", Label.INSTANCE),
      Map.entry("language-navigation", LanguageNavigation.INSTANCE),
      Map.entry("notification-banner", NotificationBanner.INSTANCE),
      Map.entry("pagination", Pagination.INSTANCE),
      Map.entry("panel", Panel.INSTANCE),
      Map.entry("password-input", PasswordInput.INSTANCE),
      Map.entry("phase-banner", PhaseBanner.INSTANCE),
      Map.entry("radios", Radios.INSTANCE),
      Map.entry("select", Select.INSTANCE),
      Map.entry("service-navigation", ServiceNavigation.INSTANCE),
      Map.entry("skip-link", SkipLink.INSTANCE),
      Map.entry("summary-list", SummaryList.INSTANCE),
      Map.entry("table", Table.INSTANCE),
      Map.entry("tabs", Tabs.INSTANCE),
      Map.entry("tag", Tag.INSTANCE),
      Map.entry("task-list", TaskList.INSTANCE),
      Map.entry("textarea", Textarea.INSTANCE),
      Map.entry("warning-text", WarningText.INSTANCE));

  private Components() {}

  public static Optional<org.stpkit.templates.internal.html.Component> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}

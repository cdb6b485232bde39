package org.stpkit.forms.internal.runtime;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.stpkit.forms.FormsException;

/**
 * The words forms-engine writes itself, in one language: {@code org/stpkit/forms/messages/forms*.properties}
 * with a team's overrides on top. Patterns are {@link MessageFormat}s.
 */
final class Messages {
  static final String BUNDLE = "org.stpkit.forms.messages.forms";

  private final String language;
  private final Locale locale;
  private final ResourceBundle bundle;
  private final Map<String, String> overrides;
  /**
   * Messages without arguments, formatted once: a page writes dozens (every label and button of the
   * template), and parsing each pattern again was about one percent of a request's CPU.
   */
  private final Map<String, String> withoutArguments = new ConcurrentHashMap<>();

  Messages(String language, Map<String, String> overrides) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    // No fallback to the JVM's default locale: a Welsh page on an English server is still Welsh.
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.overrides = Map.copyOf(overrides);
  }

  String language() {
    return language;
  }

  Locale locale() {
    return locale;
  }

  /** The message for a key with its arguments filled in. */
  String get(String key, Object... arguments) {
    if (arguments.length == 0) {
      String formatted = withoutArguments.get(key);
      return formatted != null ? formatted : withoutArguments.computeIfAbsent(key, this::format);
    }
    return new MessageFormat(pattern(key), locale).format(arguments);
  }

  private String format(String key) {
    return new MessageFormat(pattern(key), locale).format(new Object[0]);
  }

  /** Whether a key has a message (overrides included). */
  boolean has(String key) {
    return overrides.containsKey(key) || bundle.containsKey(key);
  }

  private String pattern(String key) {
    String override = overrides.get(key);
    if (override != null) {
      return override;
    }
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new FormsException("No message '" + key + "' in " + BUNDLE + " for language '" + language + "'", e);
    }
  }
}

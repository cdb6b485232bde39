package org.stpkit.notifysimulator.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notify's template placeholders: {@code ((name))} is replaced by the value, and
 * {@code ((name??text))} shows the text when the value is "yes" or true. Names match case and
 * space insensitively, as Notify's do.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()?]+?)(\\?\\?([^()]*))?\\)\\)");

  private Placeholders() {}

  /** The placeholder names in the texts, as written. */
  public static Set<String> names(String... texts) {
    Set<String> names = new LinkedHashSet<>();
    for (String text : texts) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1).strip());
      }
    }
    return names;
  }

  /** The value for a placeholder, matching names case and space insensitively. */
  public static Object find(Map<String, Object> personalisation, String name) {
    String key = normalise(name);
    for (Map.Entry<String, Object> entry : personalisation.entrySet()) {
      if (normalise(entry.getKey()).equals(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  public static String fill(String text, Map<String, Object> personalisation) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      Object value = find(personalisation, matcher.group(1).strip());
      String replacement;
      if (matcher.group(2) != null) {
        boolean shown = value != null && ("yes".equalsIgnoreCase(value.toString()) || Boolean.TRUE.equals(value)
            || "true".equalsIgnoreCase(value.toString()));
        replacement = shown ? matcher.group(3) : "";
      } else {
        replacement = value == null ? "" : value.toString();
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String normalise(String name) {
    // By hand rather than replaceAll, which compiles a pattern on every call: this runs for every
    // placeholder of every send.
    StringBuilder normal = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // The characters of the regular expression \s.
      if (" \t\n\u000B\f\r".indexOf(c) < 0) {
        normal.append(c);
      }
    }
    return normal.toString().toLowerCase(java.util.Locale.ROOT);
  }
}

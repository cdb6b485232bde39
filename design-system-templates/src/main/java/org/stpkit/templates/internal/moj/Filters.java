package org.stpkit.templates.internal.moj;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.Markup;

/** The Nunjucks filters MoJ Frontend's templates use on strings, with Nunjucks' rules for other values. */
final class Filters {
  private Filters() {}

  /**
   * {@code value | replace(old, replacement)}: every occurrence, left to right. A number is
   * replaced in as a string; anything else that is not a string comes back as it is; a safe string
   * stays safe.
   */
  static @Nullable Object replace(@Nullable Object value, String old, @Nullable Object replacement) {
    String text;
    if (value instanceof String) {
      text = (String) value;
    } else if (value instanceof Number) {
      text = Js.string(value);
    } else if (value instanceof Markup) {
      text = ((Markup) value).html();
    } else {
      return value;
    }
    String replaced = text.replace(old, Js.string(replacement));
    if (replaced.equals(text) && !(value instanceof Number)) {
      return value;
    }
    return value instanceof Markup ? new Markup(replaced) : replaced;
  }

  /** {@code value | lower}: undefined, null and false read as the empty string. */
  static String lower(@Nullable Object value) {
    if (Js.isNullish(value) || Boolean.FALSE.equals(value)) {
      return "";
    }
    return Js.string(value).toLowerCase(Locale.ROOT);
  }
}

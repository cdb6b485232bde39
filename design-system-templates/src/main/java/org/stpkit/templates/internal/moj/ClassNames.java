package org.stpkit.templates.internal.moj;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Js;

/**
 * MoJ Frontend's way of building a class attribute: {@code {% set classNames = ["moj-x"] %}}, then
 * {@code classNames.concat(...)} for each optional class and {@code classNames | join(" ")}. Unlike
 * {@code " " + params.classes}, {@code concat} spreads an array into separate items, and {@code
 * join} writes null and undefined items as empty strings.
 */
final class ClassNames {
  private final List<@Nullable Object> items = new ArrayList<>(4);

  ClassNames(String first) {
    items.add(first);
  }

  /** {@code classNames.concat(value)}. */
  ClassNames concat(@Nullable Object value) {
    if (value instanceof List) {
      items.addAll((List<?>) value);
    } else {
      items.add(value);
    }
    return this;
  }

  /** {@code classNames.concat(value)} when {@code value} is truthy, as the templates guard it. */
  ClassNames concatIfTruthy(@Nullable Object value) {
    return Js.truthy(value) ? concat(value) : this;
  }

  /** {@code classNames | join(" ")}. */
  String join() {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        joined.append(' ');
      }
      Object item = items.get(i);
      if (!Js.isNullish(item)) {
        joined.append(Js.string(item));
      }
    }
    return joined.toString();
  }
}

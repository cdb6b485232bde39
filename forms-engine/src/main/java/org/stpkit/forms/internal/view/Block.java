package org.stpkit.forms.internal.view;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One block of a page's body: a paragraph, or a govuk-frontend component by its macro name with the
 * params its {@code macro-options.json} documents.
 *
 * @param text a paragraph's text; none for a component
 * @param macro a component's macro; none for a paragraph
 */
public record Block(@Nullable String text, @Nullable String macro, Map<String, Object> params) {
  public Block {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }

  public static Block paragraph(String text) {
    return new Block(text, null, Map.of());
  }

  /** A component, such as {@code govukInsetText}, and its params. */
  public static Block component(String macro, Map<String, Object> params) {
    return new Block(null, macro, params);
  }
}

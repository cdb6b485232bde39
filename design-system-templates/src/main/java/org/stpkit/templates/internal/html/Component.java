package org.stpkit.templates.internal.html;

import org.jspecify.annotations.Nullable;

/** One govuk-frontend component: its {@code template.njk} as Java. Implementations are stateless. */
public interface Component {
  /**
   * Writes the component's HTML, with no leading or trailing whitespace.
   *
   * @param caller the nested content of a FreeMarker call, Nunjucks' {@code caller()}; null when
   *     there is none
   */
  void render(JsObject params, @Nullable Markup caller, Html out);
}

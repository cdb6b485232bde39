package org.stpkit.templates.internal.html;

import java.util.Objects;

/**
 * Trusted markup, printed as given: Nunjucks' safe strings, such as an FTL caller's nested content
 * or a value marked up in a FreeMarker template.
 */
public record Markup(String html) {
  public Markup {
    Objects.requireNonNull(html, "html");
  }

  @Override
  public String toString() {
    return html;
  }
}

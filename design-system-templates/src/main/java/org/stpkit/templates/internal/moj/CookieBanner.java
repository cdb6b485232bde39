package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/cookie-banner/template.njk}. Each button's classes end with its
 * {@code class} param, added to the string as it is: a missing one adds {@code undefined}, as in
 * MoJ's template.
 */
final class CookieBanner implements Component {
  static final CookieBanner INSTANCE = new CookieBanner();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject heading = params.object("heading");
    out.raw("<div class=\"moj-cookie-banner govuk-width-container");
    if (params.truthy("show")) {
      out.raw(" moj-cookie-banner--show");
    }
    out.raw("\" role=\"region\" aria-labelledby=\"moj-cookie-banner-title\">\n<div class=\"govuk-grid-row\">\n")
        .raw("<div class=\" govuk-grid-column-two-thirds\">\n<div class=\"moj-cookie-banner__message\">\n")
        .raw("<h2 id=\"moj-cookie-banner-title\" class=\"govuk-heading-m\">").text(heading.get("title"))
        .raw("</h2>\n<p class=\"govuk-body\">").htmlOrTextUntrimmed(heading)
        .raw("</p>\n</div>\n<div class=\"moj-cookie-banner__buttons\">");
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      out.raw("\n<div class=\"govuk-grid-column-full govuk-grid-column-one-half-from-desktop\">\n");
      Button.INSTANCE.render(JsObject.of(Js.object(
          "text", item.get("text"),
          "classes", "govuk-button button--inline " + Js.string(item.get("class")),
          "type", item.get("type"),
          "href", item.get("href"))), null, out);
      out.raw("\n</div>");
    }
    out.raw("</div>\n</div>\n</div>\n</div>");
  }
}

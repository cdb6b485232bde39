package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/primary-navigation/template.njk}. Its outer {@code div} and its
 * {@code nav} both carry the class {@code moj-primary-navigation}, as in MoJ's template.
 */
final class PrimaryNavigation implements Component {
  static final PrimaryNavigation INSTANCE = new PrimaryNavigation();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"moj-primary-navigation").spaceAndText(params.get("containerClasses")).raw("\">\n")
        .raw("<div class=\"moj-primary-navigation__container\">\n<div class=\"moj-primary-navigation__nav\">\n")
        .raw("<nav class=\"moj-primary-navigation").spaceAndText(params.get("classes")).raw('"');
    if (params.truthy("label")) {
      out.attribute("aria-label", params.get("label"));
    }
    out.attributeLoop(params.get("attributes")).raw(">\n<ul class=\"moj-primary-navigation__list\">\n");
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      out.raw("<li class=\"moj-primary-navigation__item\">\n<a class=\"moj-primary-navigation__link\"");
      if (item.truthy("active")) {
        out.raw(" aria-current=\"page\"");
      }
      out.attribute("href", item.get("href")).attributeLoop(item.get("attributes")).raw('>')
          .htmlOrTextUntrimmed(item)
          .raw("</a>\n</li>\n");
    }
    out.raw("</ul>\n</nav>\n</div>\n");
    if (params.truthy("searchHtml")) {
      out.raw("<div class=\"moj-primary-navigation__search\">").safe(params.get("searchHtml")).raw("</div>\n");
    }
    out.raw("</div>\n</div>");
  }
}

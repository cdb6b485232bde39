package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/sub-navigation/template.njk}. */
final class SubNavigation implements Component {
  static final SubNavigation INSTANCE = new SubNavigation();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<nav class=\"moj-sub-navigation").spaceAndText(params.get("classes")).raw('"')
        .attribute("aria-label", Js.or(params.get("label"), "Secondary navigation region"))
        .attributeLoop(params.get("attributes")).raw(">\n<ul class=\"moj-sub-navigation__list\">\n");
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      out.raw("<li class=\"moj-sub-navigation__item").spaceAndText(item.get("classes")).raw("\">\n")
          .raw("<a class=\"moj-sub-navigation__link\"");
      if (item.truthy("active")) {
        out.raw(" aria-current=\"page\"");
      }
      out.attribute("href", item.get("href")).attributeLoop(item.get("attributes")).raw('>')
          .htmlOrTextUntrimmed(item)
          .raw("</a>\n</li>\n");
    }
    out.raw("</ul>\n</nav>");
  }
}

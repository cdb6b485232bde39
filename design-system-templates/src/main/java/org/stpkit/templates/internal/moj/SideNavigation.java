package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/side-navigation/template.njk}: items, or sections of items under headings. */
final class SideNavigation implements Component {
  static final SideNavigation INSTANCE = new SideNavigation();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<nav class=\"moj-side-navigation").spaceAndText(params.get("classes")).raw('"');
    if (params.truthy("label")) {
      out.attribute("aria-label", params.get("label"));
    }
    out.raw(' ').attributeLoop(params.get("attributes")).raw(">\n");
    if (params.truthy("sections")) {
      for (Object value : Js.iterable(params.get("sections"))) {
        JsObject section = JsObject.of(value);
        JsObject heading = section.object("heading");
        String level = Js.string(Js.orDefault(heading.get("headingLevel"), 4));
        out.raw("<h").text(level).raw(" class=\"moj-side-navigation__title").spaceAndText(heading.get("classes")).raw('"')
            .attributeLoop(heading.get("attributes")).raw('>')
            .htmlOrTextUntrimmed(heading)
            .raw("</h").text(level).raw(">\n");
        items(section.get("items"), out);
      }
    } else {
      items(params.get("items"), out);
    }
    out.raw("</nav>");
  }

  private static void items(@Nullable Object items, Html out) {
    out.raw("<ul class=\"moj-side-navigation__list\">\n");
    for (Object value : Js.iterable(items)) {
      JsObject item = JsObject.of(value);
      boolean active = item.truthy("active");
      out.raw("<li class=\"moj-side-navigation__item").raw(active ? " moj-side-navigation__item--active" : "").raw('"')
          .attributeLoop(item.get("attributes")).raw(">\n<a").attribute("href", item.get("href"))
          .raw(active ? " aria-current=\"location\"" : "").raw('>')
          .htmlOrTextUntrimmed(item)
          .raw("</a>\n</li>\n");
    }
    out.raw("</ul>\n");
  }
}

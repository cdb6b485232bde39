package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/timeline/template.njk}. Each item's date is formatted by MoJ's
 * {@code mojDate(type)} filter when a type is given, else by {@code date(format)} (see
 * {@link MomentDates}).
 */
final class Timeline implements Component {
  static final Timeline INSTANCE = new Timeline();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    String level = Js.string(Js.orDefault(params.get("headingLevel"), 2));
    out.raw("<div class=\"moj-timeline").spaceAndText(params.get("classes")).raw('"')
        .attributeLoop(params.get("attributes")).raw(">\n");
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      JsObject datetime = item.object("datetime");
      Object timestamp = datetime.get("timestamp");
      out.raw("<div class=\"moj-timeline__item").spaceAndText(item.get("classes")).raw('"')
          .attributeLoop(item.get("attributes"))
          .raw(">\n<div class=\"moj-timeline__header\">\n<h").text(level).raw(" class=\"moj-timeline__title\">")
          .htmlOrTextUntrimmed(item.object("label"))
          .raw("</h").text(level).raw(">\n");
      if (item.truthy("byline")) {
        out.raw("<p class=\"moj-timeline__byline\">by ").htmlOrTextUntrimmed(item.object("byline")).raw("</p>\n");
      }
      out.raw("</div>\n<p class=\"moj-timeline__date\">\n<time").attribute("datetime", timestamp).raw('>')
          .text(datetime.truthy("type")
              ? MomentDates.mojDate(timestamp, datetime.get("type"))
              : MomentDates.format(timestamp, datetime.get("format")))
          .raw("</time>\n</p>\n<div class=\"moj-timeline__description\">")
          .htmlOrTextUntrimmed(item)
          .raw("</div>\n</div>\n");
    }
    out.raw("</div>");
  }
}

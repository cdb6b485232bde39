package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/messages/template.njk}: a date heading whenever a message's date
 * differs from the one before it, then the message with its sender and time ({@link MomentDates}).
 */
final class Messages implements Component {
  static final Messages INSTANCE = new Messages();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div").attribute("id", Js.orDefault(params.get("id"), "messages"))
        .raw(" class=\"moj-messages-container").spaceAndText(params.get("classes")).raw('"');
    if (params.truthy("label")) {
      out.attribute("aria-label", params.get("label"));
    }
    out.attributeLoop(params.get("attributes")).raw(">\n<div class=\"moj-message-list\">\n");
    Object previousDate = null;
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      Object timestamp = item.get("timestamp");
      Object date = MomentDates.mojDate(timestamp, "date");
      if (!Js.looselyEquals(previousDate, date)) {
        out.raw("<time class=\"moj-message-list__date\"").attribute("datetime", date).raw('>')
            .text(date).raw("</time>\n");
      }
      Object time = MomentDates.mojDate(timestamp, "time");
      out.raw("<div");
      if (item.truthy("id")) {
        out.raw(" id=\"message_").text(item.get("id")).raw('"');
      }
      out.raw(" class=\"moj-message-item moj-message-item--").text(item.get("type"))
          .raw("\">\n<div class=\"moj-message-item__text moj-message-item__text--").text(item.get("type")).raw("\">")
          .htmlOrTextUntrimmed(item)
          .raw("</div>\n<div class=\"moj-message-item__meta\">\n<span class=\"moj-message-item__meta--sender\">")
          .text(item.get("sender"))
          .raw("</span> at <time class=\"moj-message-item__meta--timestamp\"").attribute("datetime", time).raw('>')
          .text(time).raw("</time>\n</div>\n</div>");
      previousDate = date;
    }
    out.raw("</div>\n</div>");
  }
}

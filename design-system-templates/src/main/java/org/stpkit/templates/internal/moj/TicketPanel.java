package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/ticket-panel/template.njk}. */
final class TicketPanel implements Component {
  static final TicketPanel INSTANCE = new TicketPanel();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<article class=\"moj-ticket-panel").spaceAndText(params.get("classes")).raw('"')
        .attributeLoop(params.get("attributes")).raw(">\n");
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      out.raw("<section class=\"moj-ticket-panel__content").spaceAndText(item.get("classes")).raw('"')
          .attributeLoop(item.get("attributes")).raw('>')
          .htmlOrTextUntrimmed(item)
          .raw("</section>\n");
    }
    out.raw("</article>");
  }
}

package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/notification-badge/template.njk}: nothing at all unless {@code
 * text} reads as a whole number above 0 (Nunjucks' {@code int} filter); 99 and above show as 99+.
 */
final class NotificationBadge implements Component {
  static final NotificationBadge INSTANCE = new NotificationBadge();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Double count = Js.parseInt(params.get("text"));
    if (count == null || !(count > 0)) {
      return;
    }
    boolean many = count >= 99;
    String number = Js.numberToString(count);
    out.raw("<span class=\"moj-notification-badge").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"))
        .raw(">\n<span aria-hidden=\"true\">").raw(many ? "99+" : number)
        .raw("</span>\n<span class=\"govuk-visually-hidden\">(").raw(many ? "99 or more" : number);
    if (params.truthy("visuallyHiddenText")) {
      out.raw(' ').text(params.get("visuallyHiddenText"));
    }
    out.raw(")</span>\n</span>");
  }
}

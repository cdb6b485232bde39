package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/notification-banner/template.njk}. */
final class NotificationBanner implements Component {
  static final NotificationBanner INSTANCE = new NotificationBanner();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    // params.type == "success" is loose equality: only values whose String() is "success" match.
    boolean successBanner = Js.looselyEquals(params.get("type"), "success");
    Object role;
    if (params.truthy("role")) {
      role = params.get("role");
    } else if (successBanner) {
      // role="alert" makes assistive technologies prioritise a success banner.
      role = "alert";
    } else {
      // role="region" makes the banner a landmark that assistive technology users can navigate to.
      role = "region";
    }
    Object title;
    if (params.truthy("titleHtml")) {
      title = new Markup(Js.string(params.get("titleHtml")));
    } else if (params.truthy("titleText")) {
      title = params.get("titleText");
    } else {
      title = successBanner ? "Success" : "Important";
    }
    Object titleId = Js.or(params.get("titleId"), "govuk-notification-banner-title");
    Object titleHeadingLevel = Js.or(params.get("titleHeadingLevel"), 2);

    out.raw("<div class=\"govuk-notification-banner");
    if (successBanner) {
      out.raw(" govuk-notification-banner--").text(params.get("type"));
    }
    out.spaceAndText(params.get("classes")).raw('"')
        .attribute("role", role)
        .attribute("aria-labelledby", titleId)
        .raw(" data-module=\"govuk-notification-banner\"");
    if (params.isDefined("disableAutoFocus")) {
      out.attribute("data-disable-auto-focus", params.get("disableAutoFocus"));
    }
    out.attributes(params.get("attributes")).raw(">\n")
        .raw("<div class=\"govuk-notification-banner__header\">\n")
        .raw("<h").text(titleHeadingLevel).raw(" class=\"govuk-notification-banner__title\"")
        .attribute("id", titleId).raw(">\n")
        .text(title)
        .raw("\n</h").text(titleHeadingLevel).raw(">\n</div>\n")
        .raw("<div class=\"govuk-notification-banner__content\">\n");
    if (caller != null) {
      out.raw(caller.html()).raw('\n');
    } else if (params.truthy("html")) {
      out.safeTrimmed(params.get("html")).raw('\n');
    } else if (params.truthy("text")) {
      out.raw("<p class=\"govuk-notification-banner__heading\">\n")
          .text(Js.trim(params.string("text")))
          .raw("\n</p>\n");
    }
    out.raw("</div>\n</div>");
  }
}

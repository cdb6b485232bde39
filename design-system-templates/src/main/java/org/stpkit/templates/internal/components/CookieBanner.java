package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/cookie-banner/template.njk}. */
final class CookieBanner implements Component {
  static final CookieBanner INSTANCE = new CookieBanner();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"govuk-cookie-banner").spaceAndText(params.get("classes"))
        .raw("\" data-nosnippet role=\"region\"")
        .attribute("aria-label", Js.or(params.get("ariaLabel"), "Cookie banner"));
    if (params.truthy("hidden")) {
      out.raw(" hidden");
    }
    out.attributes(params.get("attributes")).raw('>');
    for (Object entry : params.array("messages")) {
      out.raw('\n');
      message(JsObject.of(entry), out);
    }
    out.raw("\n</div>");
  }

  private static void message(JsObject message, Html out) {
    out.raw("<div class=\"govuk-cookie-banner__message").spaceAndText(message.get("classes"))
        .raw(" govuk-width-container\"");
    if (message.truthy("role")) {
      out.attribute("role", message.get("role"));
    }
    out.attributes(message.get("attributes"));
    if (message.truthy("hidden")) {
      out.raw(" hidden");
    }
    out.raw(">\n<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n");
    if (message.truthy("headingHtml") || message.truthy("headingText")) {
      out.raw("<h2 class=\"govuk-cookie-banner__heading govuk-heading-m\">\n")
          .htmlOrText(message.get("headingHtml"), message.get("headingText"))
          .raw("\n</h2>\n");
    }
    out.raw("<div class=\"govuk-cookie-banner__content\">\n");
    if (message.truthy("html")) {
      out.safeTrimmed(message.get("html")).raw('\n');
    } else if (message.truthy("text")) {
      out.raw("<p class=\"govuk-body\">").text(message.get("text")).raw("</p>\n");
    }
    out.raw("</div>\n</div>\n</div>");
    if (message.truthy("actions")) {
      out.raw("\n<div class=\"govuk-button-group\">");
      for (Object action : message.array("actions")) {
        out.raw('\n');
        action(JsObject.of(action), out);
      }
      out.raw("\n</div>");
    }
    out.raw("\n</div>");
  }

  private static void action(JsObject action, Html out) {
    Object type = action.get("type");
    if (!action.truthy("href") || Js.looselyEquals(type, "button")) {
      Button.INSTANCE.render(JsObject.of(Js.object(
          "text", action.get("text"),
          "type", Js.or(type, "button"),
          "name", action.get("name"),
          "value", action.get("value"),
          "classes", action.get("classes"),
          "href", action.get("href"),
          "attributes", action.get("attributes"))), null, out);
    } else {
      out.raw("<a class=\"govuk-link").spaceAndText(action.get("classes")).raw('"')
          .attribute("href", action.get("href")).attributes(action.get("attributes")).raw('>')
          .text(action.get("text")).raw("</a>");
    }
  }
}

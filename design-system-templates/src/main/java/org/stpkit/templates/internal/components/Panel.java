package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/panel/template.njk}. */
final class Panel implements Component {
  static final Panel INSTANCE = new Panel();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Object headingLevel = Js.or(params.get("headingLevel"), 1);
    boolean isInterruption = params.truthy("classes")
        && Js.in("govuk-panel--interruption", params.get("classes"));

    out.raw("<div class=\"govuk-panel");
    // The panel is the confirmation variant unless it is an interruption.
    if (!isInterruption) {
      out.raw(" govuk-panel--confirmation");
    }
    out.spaceAndText(params.get("classes")).raw('"').attributes(params.get("attributes")).raw(">\n");
    out.raw("<h").text(headingLevel).raw(" class=\"govuk-panel__title\">\n")
        .htmlOrTextUntrimmed(params.get("titleHtml"), params.get("titleText"))
        .raw("\n</h").text(headingLevel).raw('>');
    if (caller != null || params.truthy("html") || params.truthy("text")) {
      out.raw("\n<div class=\"govuk-panel__body\">\n");
      if (caller != null) {
        out.raw(caller.html());
      } else {
        out.htmlOrText(params);
      }
      out.raw("\n</div>");
    }
    if (isInterruption && params.truthy("actions")) {
      JsObject actions = params.object("actions");
      out.raw("\n<div class=\"govuk-panel__actions").spaceAndText(actions.get("classes")).raw('"')
          .attributes(actions.get("attributes")).raw('>');
      List<?> items = actions.array("items");
      if (!items.isEmpty()) {
        out.raw("<div class=\"govuk-button-group\">\n");
        for (Object item : items) {
          action(JsObject.of(item), out);
          out.raw('\n');
        }
        out.raw("</div>");
      }
      out.raw("</div>");
    }
    out.raw("\n</div>");
  }

  private static void action(JsObject action, Html out) {
    if (!action.truthy("href") || Js.looselyEquals(action.get("type"), "button")) {
      Button.INSTANCE.render(JsObject.of(Js.object(
          "text", action.get("text"),
          "type", Js.or(action.get("type"), "button"),
          "classes", "govuk-button--inverse"
              + (action.truthy("classes") ? " " + action.string("classes") : ""),
          "href", action.get("href"),
          "attributes", action.get("attributes"))), null, out);
      return;
    }
    out.raw("<a class=\"govuk-link govuk-link--inverse").spaceAndText(action.get("classes")).raw('"')
        .attribute("href", action.get("href")).attributes(action.get("attributes")).raw('>')
        .text(action.get("text")).raw("</a>");
  }
}

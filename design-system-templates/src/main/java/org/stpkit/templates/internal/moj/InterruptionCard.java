package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;
import org.stpkit.templates.internal.html.RenderProblem;

/**
 * MoJ Frontend {@code components/interruption-card/template.njk} (macro {@code interruptionCard}):
 * its body is the nested content of the call, which it cannot do without, as in Nunjucks.
 */
final class InterruptionCard implements Component {
  static final InterruptionCard INSTANCE = new InterruptionCard();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    if (caller == null) {
      throw new RenderProblem("the card's body is its nested content: call it with content"
          + " (Nunjucks {% call %}, FreeMarker <@moj.interruptionCard ...>body</@moj.interruptionCard>,"
          + " Java render(\"interruptionCard\", params, bodyHtml))");
    }
    out.raw("<div class=\"moj-interruption-card\">\n<div class=\"moj-interruption-card__content\">\n")
        .raw("<h1 class=\"moj-interruption-card__heading\">").text(params.get("heading")).raw("</h1>\n")
        .raw("<div class=\"moj-interruption-card__body\">").raw(caller.html()).raw("</div>\n")
        .raw("<div class=\"govuk-button-group moj-interruption-card__actions\">\n");
    JsObject primary = params.object("primaryAction");
    if (Js.looselyEquals(primary.get("style"), "link")) {
      link(primary, out);
    } else {
      button(primary, out);
    }
    if (params.truthy("secondaryAction")) {
      JsObject secondary = params.object("secondaryAction");
      if (Js.looselyEquals(secondary.get("style"), "button")) {
        button(secondary, out);
      } else {
        link(secondary, out);
      }
    }
    out.raw("</div>\n</div>\n</div>");
  }

  private static void link(JsObject action, Html out) {
    out.raw("<a class=\"govuk-link govuk-link--inverse\"").attribute("href", action.get("href")).raw('>')
        .text(action.get("text")).raw("</a>\n");
  }

  private static void button(JsObject action, Html out) {
    Button.INSTANCE.render(JsObject.of(Js.object(
        "text", action.get("text"),
        "classes", "govuk-button--inverse",
        "href", action.get("href"),
        "preventDoubleClick", true,
        "attributes", action.get("attributes"))), null, out);
    out.raw('\n');
  }
}

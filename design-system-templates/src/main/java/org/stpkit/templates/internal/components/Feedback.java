package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/feedback/template.njk}. Nested content is the template's {@code caller()}. */
final class Feedback implements Component {
  static final Feedback INSTANCE = new Feedback();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Object headingLevel = Js.or(params.get("headingLevel"), 2);
    out.raw("<div class=\"govuk-feedback govuk-width-container").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"))
        .raw(">\n<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n<h")
        .text(headingLevel).raw(" class=\"govuk-feedback__title\">\n")
        .htmlOrTextUntrimmed(params.get("titleHtml"), params.get("titleText"))
        .raw("\n</h").text(headingLevel).raw('>');
    if (caller != null || params.truthy("html") || params.truthy("text")) {
      out.raw("\n<div class=\"govuk-feedback__body\">\n");
      if (caller != null) {
        out.raw(caller.html());
      } else if (params.truthy("html")) {
        out.safeTrimmed(params.get("html"));
      } else {
        out.raw("<p class=\"govuk-body\">\n").textTrimmed(params.get("text")).raw("\n</p>");
      }
      out.raw("\n</div>");
    }
    out.raw("\n</div>\n</div>\n</div>");
  }
}

package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/warning-text/template.njk}. */
final class WarningText implements Component {
  static final WarningText INSTANCE = new WarningText();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"govuk-warning-text").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n")
        .raw("<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>\n")
        .raw("<strong class=\"govuk-warning-text__text\">\n")
        .raw("<span class=\"govuk-visually-hidden\">").text(Js.or(params.get("iconFallbackText"), "Warning"))
        .raw("</span>\n")
        .htmlOrTextUntrimmed(params)
        .raw("\n</strong>\n</div>");
  }
}

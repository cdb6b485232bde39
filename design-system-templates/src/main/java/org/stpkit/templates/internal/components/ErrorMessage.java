package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/error-message/template.njk}. */
public final class ErrorMessage implements Component {
  public static final ErrorMessage INSTANCE = new ErrorMessage();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Object visuallyHiddenText = Js.orDefault(params.get("visuallyHiddenText"), "Error");
    out.raw("<p");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"govuk-error-message").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n");
    if (Js.truthy(visuallyHiddenText)) {
      out.raw("<span class=\"govuk-visually-hidden\">").text(visuallyHiddenText).raw(":</span> ");
    }
    out.htmlOrText(params).raw("\n</p>");
  }
}

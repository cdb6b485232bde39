package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/hint/template.njk}. */
public final class Hint implements Component {
  public static final Hint INSTANCE = new Hint();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"govuk-hint").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n")
        .htmlOrText(params)
        .raw("\n</div>");
  }
}

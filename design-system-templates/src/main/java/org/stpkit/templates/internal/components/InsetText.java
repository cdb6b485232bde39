package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/inset-text/template.njk}. */
final class InsetText implements Component {
  static final InsetText INSTANCE = new InsetText();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"govuk-inset-text").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n");
    if (caller != null) {
      out.raw(caller.html());
    } else {
      out.htmlOrText(params);
    }
    out.raw("\n</div>");
  }
}

package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/label/template.njk}. */
public final class Label implements Component {
  public static final Label INSTANCE = new Label();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    if (!params.truthy("html") && !params.truthy("text")) {
      return;
    }
    boolean isPageHeading = params.truthy("isPageHeading");
    if (isPageHeading) {
      out.raw("<h1 class=\"govuk-label-wrapper\">\n");
    }
    out.raw("<label class=\"govuk-label").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"));
    if (params.truthy("for")) {
      out.attribute("for", params.get("for"));
    }
    out.raw(">\n").htmlOrText(params).raw("\n</label>");
    if (isPageHeading) {
      out.raw("\n</h1>");
    }
  }
}

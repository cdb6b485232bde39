package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/details/template.njk}. */
final class Details implements Component {
  static final Details INSTANCE = new Details();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<details");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"govuk-details").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"));
    if (params.truthy("open")) {
      out.raw(" open");
    }
    out.raw(">\n<summary class=\"govuk-details__summary\">\n<span class=\"govuk-details__summary-text\">\n")
        .htmlOrText(params.get("summaryHtml"), params.get("summaryText"))
        .raw("\n</span>\n</summary>\n<div class=\"govuk-details__text\">\n");
    if (caller != null) {
      out.raw(caller.html());
    } else {
      out.htmlOrTextUntrimmed(params);
    }
    out.raw("\n</div>\n</details>");
  }
}

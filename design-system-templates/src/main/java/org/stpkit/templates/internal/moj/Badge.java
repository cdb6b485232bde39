package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/badge/template.njk}. A truthy {@code label} writes an empty
 * {@code aria-label}, not the label: that is what MoJ's template does.
 */
final class Badge implements Component {
  static final Badge INSTANCE = new Badge();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<span class=\"moj-badge").spaceAndText(params.get("classes")).raw('"');
    if (params.truthy("label")) {
      out.raw(" aria-label=\"\"");
    }
    out.attributeLoop(params.get("attributes")).raw('>')
        .htmlOrTextUntrimmed(params)
        .raw("</span>");
  }
}

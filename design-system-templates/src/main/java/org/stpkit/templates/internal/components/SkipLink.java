package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/skip-link/template.njk}. */
final class SkipLink implements Component {
  static final SkipLink INSTANCE = new SkipLink();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<a").attribute("href", Js.or(params.get("href"), "#content"))
        .raw(" class=\"govuk-skip-link").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(" data-module=\"govuk-skip-link\">")
        .htmlOrTextUntrimmed(params)
        .raw("</a>");
  }
}

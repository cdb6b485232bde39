package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/back-link/template.njk}. */
final class BackLink implements Component {
  static final BackLink INSTANCE = new BackLink();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<a").attribute("href", Js.or(params.get("href"), "#"))
        .raw(" class=\"govuk-back-link").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw('>')
        .htmlOrTextUntrimmed(params.get("html"), Js.or(params.get("text"), "Back"))
        .raw("</a>");
  }
}

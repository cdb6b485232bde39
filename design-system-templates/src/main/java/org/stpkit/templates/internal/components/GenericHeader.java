package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/generic-header/template.njk}. */
final class GenericHeader implements Component {
  static final GenericHeader INSTANCE = new GenericHeader();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    // _namespace is a private param that lets the GOV.UK header reuse this template.
    Object namespace = Js.orDefault(params.get("_namespace"), "govuk-generic");
    out.raw("<div class=\"").text(namespace).raw("-header").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n");
    out.raw("<div class=\"").text(namespace).raw("-header__container ")
        .text(Js.or(params.get("containerClasses"), "govuk-width-container")).raw("\">\n");
    out.raw("<div class=\"").text(namespace).raw("-header__logo\">\n");
    out.raw("<a").attribute("href", Js.or(params.get("url"), "/"))
        .raw(" class=\"").text(namespace).raw("-header__homepage-link\">\n")
        .htmlOrTextUntrimmed(params.get("logoHtml"), params.get("logoText"))
        .raw("\n</a>\n</div>\n</div>\n</div>");
  }
}

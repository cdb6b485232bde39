package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/organisation-switcher/template.njk}. */
final class OrganisationSwitcher implements Component {
  static final OrganisationSwitcher INSTANCE = new OrganisationSwitcher();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"moj-organisation-nav").spaceAndText(params.get("classes")).raw('"')
        .attribute("aria-label", Js.orDefault(params.get("label"), "Organisation switcher"))
        .attributeLoop(params.get("attributes")).raw(">\n<div class=\"moj-organisation-nav__title\">")
        .htmlOrTextUntrimmed(params).raw("</div>\n");
    if (params.truthy("link")) {
      JsObject link = params.object("link");
      out.raw("<a");
      if (link.truthy("id")) {
        out.attribute("id", link.get("id"));
      }
      out.attribute("href", link.get("href"))
          .raw(" class=\"moj-organisation-nav__link").spaceAndText(link.get("classes")).raw('"')
          .attributeLoop(link.get("attributes")).raw('>')
          .text(Js.orDefault(link.get("text"), "Change organisation"))
          .raw("</a>\n");
    }
    out.raw("</div>");
  }
}

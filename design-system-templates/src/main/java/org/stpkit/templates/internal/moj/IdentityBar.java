package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/identity-bar/template.njk}: each menu is a {@link ButtonMenu}. */
final class IdentityBar implements Component {
  static final IdentityBar INSTANCE = new IdentityBar();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"moj-identity-bar").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"))
        .raw(">\n<div class=\"moj-identity-bar__container\">\n<div class=\"moj-identity-bar__details\">\n");
    if (params.truthy("title")) {
      out.raw("<span class=\"moj-identity-bar__title\">").htmlOrTextUntrimmed(params.object("title")).raw("</span>\n");
    }
    out.raw("</div>\n");
    if (params.truthy("menus")) {
      out.raw("<div class=\"moj-identity-bar__actions\">\n");
      for (Object menu : Js.iterable(params.get("menus"))) {
        out.raw("<div class=\"moj-identity-bar__menu\">\n");
        ButtonMenu.INSTANCE.render(JsObject.of(menu), null, out);
        out.raw("\n</div>\n");
      }
      out.raw("</div>\n");
    }
    out.raw("</div>\n</div>");
  }
}

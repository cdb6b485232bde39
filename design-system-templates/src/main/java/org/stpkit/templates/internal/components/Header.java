package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/header/template.njk}. */
final class Header implements Component {
  static final Header INSTANCE = new Header();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Html logoContent = new Html();
    Logo.render(JsObject.of(Js.object("classes", "govuk-header__logotype", "ariaLabelText", "GOV.UK")), logoContent);
    logoContent.raw('\n');
    if (params.truthy("productName")) {
      logoContent.raw("<span class=\"govuk-header__product-name\">").text(params.get("productName")).raw("</span>");
    }
    GenericHeader.INSTANCE.render(JsObject.of(Js.object(
        "_namespace", "govuk",
        "logoHtml", new Markup(logoContent.toString()),
        "url", Js.or(params.get("homepageUrl"), "//gov.uk"),
        "containerClasses", params.get("containerClasses"),
        "classes", params.get("classes"),
        "attributes", params.get("attributes"))), null, out);
  }
}

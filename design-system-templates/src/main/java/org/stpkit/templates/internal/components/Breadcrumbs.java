package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/breadcrumbs/template.njk}. */
final class Breadcrumbs implements Component {
  static final Breadcrumbs INSTANCE = new Breadcrumbs();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    // Built by concatenation in the template, so escaped as a whole, even a safe string.
    String classNames = "govuk-breadcrumbs";
    if (params.truthy("classes")) {
      classNames += " " + params.string("classes");
    }
    if (params.truthy("collapseOnMobile")) {
      classNames += " govuk-breadcrumbs--collapse-on-mobile";
    }
    out.raw("<nav").attribute("class", classNames).attributes(params.get("attributes"))
        .attribute("aria-label", Js.orDefault(params.get("labelText"), "Breadcrumb"))
        .raw(">\n<ol class=\"govuk-breadcrumbs__list\">");
    for (Object entry : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(entry);
      if (item.truthy("href")) {
        out.raw("\n<li class=\"govuk-breadcrumbs__list-item\">\n<a class=\"govuk-breadcrumbs__link\"")
            .attribute("href", item.get("href")).attributes(item.get("attributes")).raw('>')
            .htmlOrTextUntrimmed(item).raw("</a>\n</li>");
      } else {
        out.raw("\n<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">")
            .htmlOrTextUntrimmed(item).raw("</li>");
      }
    }
    out.raw("\n</ol>\n</nav>");
  }
}

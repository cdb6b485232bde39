package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/header/template.njk}: the MoJ crest (or the crown, with {@code
 * logotype: "crown"}), the organisation and service names, and navigation. MoJ's template points
 * the logos' fallback images at the page's {@code assetPath}, a Nunjucks context variable a
 * component cannot see here; they use the page template's default, {@code /assets}.
 */
final class Header implements Component {
  static final Header INSTANCE = new Header();

  /** Read on first use, not when the registry loads every component: the crest is 74 KB. */
  private static final class Logos {
    static final String CROWN = Resources.text("moj-header-crown.svg");
    static final String CREST = Resources.text("moj-header-crest.svg");
  }

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<header class=\"moj-header").spaceAndText(params.get("classes")).raw("\" role=\"banner\"")
        .attributeLoop(params.get("attributes"))
        .raw(">\n<div class=\"moj-header__container");
    if (params.truthy("containerClasses")) {
      out.raw(' ').text(params.get("containerClasses"));
    }
    out.raw("\">\n<div class=\"moj-header__logo\">\n")
        .raw(Js.looselyEquals(params.get("logotype"), "crown") ? Logos.CROWN : Logos.CREST);
    label(params.get("organisationLabel"), "moj-header__link--organisation-name", out);
    label(params.get("serviceLabel"), "moj-header__link--service-name", out);
    out.raw("</div>\n");
    if (params.truthy("navigation")) {
      navigation(params.object("navigation"), out);
    }
    out.raw("</div>\n</header>");
  }

  /** The organisation or service name: a link when it has an {@code href}, else a span. */
  private static void label(@Nullable Object value, String modifier, Html out) {
    if (!Js.truthy(value)) {
      return;
    }
    JsObject label = JsObject.of(value);
    String element = label.truthy("href") ? "a" : "span";
    out.raw('<').raw(element).raw(" class=\"moj-header__link ").raw(modifier).raw('"');
    if (label.truthy("href")) {
      out.attribute("href", label.get("href"));
    }
    out.raw('>').htmlOrTextUntrimmed(label).raw("</").raw(element).raw(">\n");
  }

  private static void navigation(JsObject navigation, Html out) {
    out.raw("<div class=\"moj-header__content\">\n<nav class=\"moj-header__navigation");
    if (navigation.truthy("classes")) {
      out.raw(' ').text(navigation.get("classes"));
    }
    out.raw('"');
    if (navigation.truthy("label")) {
      out.attribute("aria-label", navigation.get("label"));
    }
    out.attributeLoop(navigation.get("attributes")).raw(">\n<ul class=\"moj-header__navigation-list\">\n");
    for (Object value : Js.iterable(navigation.get("items"))) {
      JsObject item = JsObject.of(value);
      out.raw("<li class=\"moj-header__navigation-item\">\n<a class=\"moj-header__navigation-link\"")
          .attribute("href", item.get("href"));
      if (item.truthy("active")) {
        out.raw(" aria-current=\"page\"");
      }
      out.attributeLoop(item.get("attributes")).raw('>')
          .htmlOrTextUntrimmed(item)
          .raw("</a>\n</li>\n");
    }
    out.raw("</ul>\n</nav>\n</div>\n");
  }
}

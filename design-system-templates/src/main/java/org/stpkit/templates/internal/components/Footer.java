package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/footer/template.njk}. */
final class Footer implements Component {
  static final Footer INSTANCE = new Footer();

  // focusable="false" keeps Internet Explorer from treating the SVG as interactive.
  private static final String LICENCE_LOGO = "<svg aria-hidden=\"true\" focusable=\"false\""
      + " class=\"govuk-footer__licence-logo\" xmlns=\"http://www.w3.org/2000/svg\""
      + " viewBox=\"0 0 483.2 195.7\" height=\"17\" width=\"41\">\n"
      + "<path fill=\"currentColor\" d=\"M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12"
      + " 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0"
      + " 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5"
      + " 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26"
      + " 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145\"/>\n"
      + "</svg>";

  private static final String DEFAULT_LICENCE = "All content is available under the\n"
      + "<a class=\"govuk-footer__link\""
      + " href=\"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\""
      + " rel=\"license\">Open Government Licence v3.0</a>, except where otherwise stated";

  private static final String COPYRIGHT_LINK = "<a class=\"govuk-footer__link govuk-footer__copyright-logo\""
      + " href=\"https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information"
      + "/uk-government-licensing-framework/crown-copyright/\">\n";

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"govuk-footer").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n");
    out.raw("<div class=\"govuk-width-container").spaceAndText(params.get("containerClasses")).raw("\">\n");
    Logo.render(JsObject.of(Js.object("classes", "govuk-footer__crown", "useLogotype", Boolean.FALSE)), out);
    out.raw('\n');
    if (Js.length(params.get("navigation")) > 0) {
      navigation(params.get("navigation"), out);
      out.raw("\n<hr class=\"govuk-footer__section-break\">\n");
    }
    out.raw("<div class=\"govuk-footer__meta\">\n<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n");
    if (params.truthy("meta")) {
      meta(params.object("meta"), out);
    }
    // Only JSON null hides the licence: undefined, false and "" still show it.
    if (params.get("contentLicence") != Js.NULL) {
      JsObject contentLicence = params.object("contentLicence");
      out.raw(LICENCE_LOGO).raw("\n<span class=\"govuk-footer__licence-description\">\n");
      if (contentLicence.truthy("html") || contentLicence.truthy("text")) {
        out.htmlOrText(contentLicence);
      } else {
        out.raw(DEFAULT_LICENCE);
      }
      out.raw("\n</span>\n");
    }
    out.raw("</div>\n<div class=\"govuk-footer__meta-item\">\n").raw(COPYRIGHT_LINK);
    JsObject copyright = params.object("copyright");
    if (copyright.truthy("html") || copyright.truthy("text")) {
      out.htmlOrText(copyright);
    } else {
      // The entity, not the character: it parses to the same DOM, and a page of ASCII only is encoded
      // to UTF-8 by the JDK's fast path, where one © sends the whole page through its slow one.
      out.raw("&copy; Crown copyright");
    }
    out.raw("\n</a>\n</div>\n</div>\n</div>\n</div>");
  }

  private static void navigation(@Nullable Object navigation, Html out) {
    out.raw("<div class=\"govuk-footer__navigation\">");
    for (Object section : Js.iterable(navigation)) {
      JsObject nav = JsObject.of(section);
      out.raw("\n<div class=\"govuk-footer__section govuk-grid-column-").text(Js.or(nav.get("width"), "full"))
          .raw("\">\n<h2 class=\"govuk-footer__heading govuk-heading-m\">").text(nav.get("title")).raw("</h2>");
      if (Js.length(nav.get("items")) > 0) {
        out.raw("\n<ul class=\"govuk-footer__list");
        if (nav.truthy("columns")) {
          out.raw(" govuk-footer__list--columns-").text(nav.string("columns"));
        }
        out.raw("\">");
        for (Object listItem : Js.iterable(nav.get("items"))) {
          JsObject item = JsObject.of(listItem);
          if (item.truthy("href") && item.truthy("text")) {
            out.raw("\n<li class=\"govuk-footer__list-item\">\n");
            link(item, out);
            out.raw("\n</li>");
          }
        }
        out.raw("\n</ul>");
      }
      out.raw("\n</div>");
    }
    out.raw("\n</div>");
  }

  private static void meta(JsObject meta, Html out) {
    out.raw("<h2 class=\"govuk-visually-hidden\">").text(Js.or(meta.get("visuallyHiddenTitle"), "Support links"))
        .raw("</h2>\n");
    if (Js.length(meta.get("items")) > 0) {
      out.raw("<ul class=\"govuk-footer__inline-list\">");
      for (Object metaItem : Js.iterable(meta.get("items"))) {
        out.raw("\n<li class=\"govuk-footer__inline-list-item\">\n");
        link(JsObject.of(metaItem), out);
        out.raw("\n</li>");
      }
      out.raw("\n</ul>\n");
    }
    if (meta.truthy("text") || meta.truthy("html")) {
      out.raw("<div class=\"govuk-footer__meta-custom\">\n").htmlOrText(meta).raw("\n</div>\n");
    }
  }

  private static void link(JsObject item, Html out) {
    out.raw("<a class=\"govuk-footer__link\"").attribute("href", item.get("href"))
        .attributes(item.get("attributes")).raw(">\n").text(item.get("text")).raw("\n</a>");
  }
}

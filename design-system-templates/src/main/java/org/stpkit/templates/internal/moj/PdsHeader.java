package org.stpkit.templates.internal.moj;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Tag;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/domain-specific/probation/header/template.njk} (macro {@code
 * pdsHeader}): the Probation Digital Services header, with an environment tag everywhere but
 * {@code PRODUCTION}, the user and services menus MoJ's {@code pds-header} script opens, and links
 * for when it does not run.
 */
final class PdsHeader implements Component {
  static final PdsHeader INSTANCE = new PdsHeader();

  /** Read on first use, not when the registry loads every component: the logo is 74 KB. */
  private static final class Icons {
    static final String LOGO = Resources.text("pds-header-logo.svg");
    static final String USER = Resources.text("pds-header-user.svg");
  }

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<header class=\"probation-common-header govuk-!-display-none-print ");
    if (params.truthy("classes")) {
      out.text(params.get("classes"));
    }
    out.raw("\" role=\"banner\" data-module=\"pds-header\">\n<div class=\"govuk-clearfix\">\n")
        .raw("<div class=\"govuk-width-container probation-common-header__title\">\n")
        .raw("<a class=\"probation-common-header__link probation-common-header__title__organisation-name\"")
        .attribute("href", Js.orDefault(params.get("titleLink"), "#")).raw(">\n")
        .raw(Icons.LOGO).raw("\nProbation Digital Services\n</a>\n");
    if (!Js.strictlyEquals(params.get("environmentName"), "PRODUCTION")) {
      Tag.INSTANCE.render(JsObject.of(Js.object(
          "text", Js.orDefault(params.get("environmentName"), "DEV"),
          "classes", Js.orDefault(params.get("environmentNameColour"), ""),
          "attributes", Map.of("data-qa", "probation-common-environment-tag"))), null, out);
      out.raw('\n');
    }
    out.raw("</div>\n");
    navigation(params, out);
    out.raw("</div>\n</header>");
  }

  private static void navigation(JsObject params, Html out) {
    out.raw("<nav aria-labelledby=\"probation-common-navigation-heading\">\n")
        .raw("<h2 id=\"probation-common-navigation-heading\" class=\"govuk-visually-hidden\">\nNavigation menu\n</h2>\n")
        .raw("<div class=\"govuk-width-container probation-common-header__button-width-container\">\n")
        .raw("<div class=\"probation-common-header__button-container\">\n<div class=\"probation-common-header__navigation\">\n")
        .raw("<div class=\"probation-common-header__navigation__item\">\n")
        .raw("<button class=\"probation-common-header__menu-toggle probation-common-header__user-menu-toggle\"")
        .raw(" aria-controls=\"probation-common-header-user-menu\" aria-expanded=\"false\" type=\"button\" hidden=\"hidden\">\n")
        .raw("<span>\n").raw(Icons.USER).raw("\n\n<span>\n<span class=\"probation-common-header__menu-toggle-label\">Account</span>\n")
        .raw("<span data-qa=\"probation-common-header-user-name\" class=\"probation-common-header__menu-toggle-label\">")
        .text(params.get("name")).raw("</span>\n</span>\n</span>\n</button>\n")
        .raw("<ul id=\"probation-common-header-user-menu\" class=\"govuk-list probation-common-header__user-menu\" hidden=\"hidden\">\n")
        .raw("<li>\n<a class=\"probation-common-header__submenu-link\"").attribute("href", params.get("manageDetailsLink"))
        .raw(">Your account</a>\n</li>\n<li>\n<a class=\"probation-common-header__submenu-link\" href=\"/sign-out\">Sign out</a>\n</li>\n</ul>\n")
        .raw("<div class=\"probation-common-header__icon-link-wrapper probation-common-header__user-menu-link\">\n")
        .raw("<a class=\"probation-common-header__link\"").attribute("href", params.get("manageDetailsLink"))
        .raw(">\n<span>\n<span class=\"govuk-visually-hidden\"> Manage your account or sign out</span>\n<span>")
        .text(params.get("name")).raw("</span>\n</span>\n</a>\n</div>\n</div>\n")
        .raw("<div class=\"probation-common-header__navigation__item\">\n")
        .raw("<button data-qa=\"probation-common-header__menu-toggle\" class=\"probation-common-header__menu-toggle")
        .raw(" probation-common-header__services-menu-toggle\" aria-controls=\"probation-common-header-services-menu\"")
        .raw(" aria-expanded=\"false\" data-text-for-show=\"Show services menu\" data-text-for-hide=\"Hide services menu\"")
        .raw(" type=\"button\" hidden=\"hidden\">\n<span>\n")
        .raw("<span class=\"govuk-!-font-size-19 govuk-!-font-weight-bold\">Menu</span>\n</span>\n</button>\n")
        .raw("<div class=\"probation-common-header__icon-link-wrapper probation-common-header__services-menu-link\">\n")
        .raw("<a class=\"probation-common-header__link\"").attribute("href", params.get("servicesLink"))
        .raw(">\n<span>\n<span class=\"govuk-visually-hidden\"> Services</span>\n<span>Menu</span>\n</span>\n</a>\n")
        .raw("</div>\n</div>\n</div>\n</div>\n</div>\n")
        .raw("<div id=\"probation-common-header-services-menu\" class=\"probation-common-header__pushdown-menu")
        .raw(" probation-common-header__services-menu\" hidden=\"hidden\">\n<div class=\"govuk-width-container\">\n")
        .raw("<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-full\">\n<h3 class=\"govuk-heading-m\">\nServices\n</h3>\n")
        .raw("<ul class=\"govuk-list\">\n");
    for (Object value : Js.iterable(params.get("services"))) {
      JsObject service = JsObject.of(value);
      out.raw("<li><a").attribute("href", service.get("href")).raw(" class=\"probation-common-header__submenu-link\"")
          .attribute("target", Js.orDefault(service.get("target"), "_self"));
      if (Js.looselyEquals(service.get("target"), "_blank")) {
        out.raw(" rel=\"noopener noreferrer\"");
      }
      out.raw('>').text(service.get("heading")).raw("</a></li>\n");
    }
    out.raw("</ul>\n</div>\n</div>\n</div>\n</div>\n</nav>");
  }
}

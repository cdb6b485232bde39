package org.stpkit.templates.internal.components;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/service-navigation/template.njk}. */
final class ServiceNavigation implements Component {
  static final ServiceNavigation INSTANCE = new ServiceNavigation();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject slots = params.object("slots");
    Object slotEnd = slots.get("end");
    // Markup from a FreeMarker caller counts as a string, as a captured Nunjucks block does.
    boolean slotEndIsString = slotEnd instanceof String || slotEnd instanceof Markup;
    Object endSlotHtml = slotEndIsString ? slotEnd : JsObject.of(slotEnd).get("html");
    boolean endSlotInline =
        slotEnd instanceof Map && Js.looselyEquals(JsObject.of(slotEnd).get("align"), "inline");

    // With a service name or slotted content, a section with an aria-label makes the landmark
    // region; otherwise the nav inside does that job by itself.
    boolean isSection = params.truthy("serviceName") || slots.truthy("start") || Js.truthy(endSlotHtml);
    if (isSection) {
      out.raw("<section").attribute("aria-label", Js.orDefault(params.get("ariaLabel"), "Service information"));
    } else {
      out.raw("<div");
    }
    out.raw(" class=\"govuk-service-navigation").spaceAndText(params.get("classes"))
        .raw("\" data-module=\"govuk-service-navigation\"").attributes(params.get("attributes")).raw(">\n");

    out.raw("<div class=\"govuk-width-container");
    if (endSlotInline) {
      out.raw(" govuk-service-navigation__inlining-container");
    }
    out.raw("\">\n");
    if (slots.truthy("start")) {
      out.safe(slots.get("start"));
    }
    out.raw("<div class=\"govuk-service-navigation__container\">\n");
    if (params.truthy("serviceName")) {
      serviceName(params, out);
      out.raw('\n');
    }
    // `params.navigation | select("truthy")`: select reads a safe string by index and finds
    // nothing there, where a for loop would visit its characters.
    Object navigation = params.get("navigation");
    List<Object> navigationItems = new ArrayList<>();
    for (Object item : navigation instanceof Markup ? List.of() : Js.iterable(navigation)) {
      if (Js.truthy(item)) {
        navigationItems.add(item);
      }
    }
    if (!navigationItems.isEmpty() || slots.truthy("navigationStart") || slots.truthy("navigationEnd")) {
      navigation(params, slots, navigationItems, out);
      out.raw('\n');
    }
    out.raw("</div>\n");
    if (Js.truthy(endSlotHtml)) {
      out.safe(endSlotHtml);
    }
    out.raw("</div>\n").raw(isSection ? "</section>" : "</div>");
  }

  private static void serviceName(JsObject params, Html out) {
    out.raw("<span class=\"govuk-service-navigation__service-name\">\n");
    if (params.truthy("serviceUrl")) {
      out.raw("<a").attribute("href", params.get("serviceUrl")).raw(" class=\"govuk-service-navigation__link\">\n")
          .text(params.get("serviceName")).raw("\n</a>");
    } else {
      out.raw("<span class=\"govuk-service-navigation__text\">").text(params.get("serviceName")).raw("</span>");
    }
    out.raw("\n</span>");
  }

  private static void navigation(JsObject params, JsObject slots, List<Object> navigationItems, Html out) {
    Object menuButtonText = Js.or(params.get("menuButtonText"), "Menu");
    Object navigationId = Js.or(params.get("navigationId"), "navigation");
    Object collapseNavigationOnMobile =
        Js.orDefault(params.get("collapseNavigationOnMobile"), navigationItems.size() > 1);

    out.raw("<nav").attribute("aria-label", Js.or(params.get("navigationLabel"), menuButtonText))
        .raw(" class=\"govuk-service-navigation__wrapper").spaceAndText(params.get("navigationClasses")).raw("\">\n");
    if (Js.truthy(collapseNavigationOnMobile)) {
      out.raw("<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\"")
          .attribute("aria-controls", navigationId);
      Object menuButtonLabel = params.get("menuButtonLabel");
      if (Js.truthy(menuButtonLabel) && !Js.looselyEquals(menuButtonLabel, menuButtonText)) {
        out.attribute("aria-label", menuButtonLabel);
      }
      out.raw(" hidden aria-hidden=\"true\">\n").text(menuButtonText).raw("\n</button>\n");
    }
    out.raw("<ul class=\"govuk-service-navigation__list\"").attribute("id", navigationId).raw(">\n");
    if (slots.truthy("navigationStart")) {
      out.safe(slots.get("navigationStart"));
    }
    for (Object navigationItem : navigationItems) {
      out.raw('\n');
      item(JsObject.of(navigationItem), out);
      out.raw('\n');
    }
    out.raw('\n');
    if (slots.truthy("navigationEnd")) {
      out.safe(slots.get("navigationEnd"));
    }
    out.raw("</ul>\n</nav>");
  }

  private static void item(JsObject item, Html out) {
    boolean isActive = item.truthy("active") || item.truthy("current");
    out.raw("<li class=\"govuk-service-navigation__item");
    if (isActive) {
      out.raw(" govuk-service-navigation__item--active");
    }
    out.raw("\">\n");
    if (item.truthy("href")) {
      out.raw("<a class=\"govuk-service-navigation__link\"").attribute("href", item.get("href"));
      ariaCurrent(item, isActive, out);
      out.attributes(item.get("attributes")).raw(">\n");
      linkInnerContent(item, isActive, out);
      out.raw("\n</a>\n");
    } else if (item.truthy("html") || item.truthy("text")) {
      out.raw("<span class=\"govuk-service-navigation__text\"");
      ariaCurrent(item, isActive, out);
      out.raw(">\n");
      linkInnerContent(item, isActive, out);
      out.raw("\n</span>\n");
    }
    out.raw("</li>");
  }

  /** item.current sets aria-current="page", item.active aria-current="true". */
  private static void ariaCurrent(JsObject item, boolean isActive, Html out) {
    if (isActive) {
      out.raw(" aria-current=\"").raw(item.truthy("current") ? "page" : "true").raw('"');
    }
  }

  private static void linkInnerContent(JsObject item, boolean isActive, Html out) {
    // Active links are wrapped in strong so that users who override colours or styles still see
    // which item is current.
    if (isActive) {
      out.raw("<strong class=\"govuk-service-navigation__active-fallback\">");
    }
    out.htmlOrTextUntrimmed(item);
    if (isActive) {
      out.raw("</strong>");
    }
  }
}


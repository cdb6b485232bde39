package org.stpkit.templates.internal.moj;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/button-menu/template.njk}: govuk-frontend buttons that MoJ's
 * JavaScript gathers into a menu. Items' {@code element} and {@code preventDoubleClick} reach no
 * output: govuk-frontend 6's button ignores the first, and MoJ's template reads the second from an
 * undefined variable.
 */
final class ButtonMenu implements Component {
  static final ButtonMenu INSTANCE = new ButtonMenu();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject button = params.object("button");
    Map<String, Object> menuAttributes = new LinkedHashMap<>();
    menuAttributes.put("data-button-text", optional(button.get("text")));
    menuAttributes.put("data-button-classes", optional(button.get("classes")));
    menuAttributes.put("data-align-menu", optional(params.get("alignMenu")));
    out.raw("<div class=\"moj-button-menu").spaceAndText(params.get("classes"))
        .raw("\" data-module=\"moj-button-menu\"")
        .attributes(params.get("attributes")).attributes(menuAttributes).raw('>');
    for (Object value : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(value);
      String classes = "moj-button-menu__item govuk-button--secondary"
          + (item.truthy("classes") ? " " + Js.string(item.get("classes")) : "");
      out.raw('\n');
      Button.INSTANCE.render(JsObject.of(Js.object(
          "classes", classes,
          "text", item.get("text"),
          "html", item.get("html"),
          "name", item.get("name"),
          "type", item.get("type"),
          "value", item.get("value"),
          "href", item.get("href"),
          "disabled", item.get("disabled"),
          "attributes", item.get("attributes"))), null, out);
    }
    out.raw("</div>");
  }

  private static Map<String, Object> optional(@Nullable Object value) {
    return Js.object("value", value, "optional", true);
  }
}

package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/button/template.njk}: a button, or a link styled as one. */
public final class Button implements Component {
  public static final Button INSTANCE = new Button();

  // focusable="false" keeps Internet Explorer from treating the SVG as interactive.
  private static final String START_ICON = "\n<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\""
      + " width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">\n"
      + "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/>\n</svg>";

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    boolean isStartButton = params.truthy("isStartButton");
    if (params.truthy("href")) {
      out.raw("<a").attribute("href", params.get("href")).raw(" role=\"button\" draggable=\"false\"");
      commonAttributes(params, isStartButton, out);
      out.raw(">\n");
      buttonText(params, isStartButton, out);
      out.raw(isStartButton ? START_ICON : "").raw("\n</a>");
      return;
    }
    out.raw("<button").attribute("type", Js.or(params.get("type"), "submit"));
    if (params.truthy("value")) {
      out.attribute("value", params.get("value"));
    }
    if (params.truthy("name")) {
      out.attribute("name", params.get("name"));
    }
    if (params.truthy("disabled")) {
      out.raw(" disabled aria-disabled=\"true\"");
    }
    if (params.isDefined("preventDoubleClick")) {
      out.attribute("data-prevent-double-click", params.get("preventDoubleClick"));
    }
    commonAttributes(params, isStartButton, out);
    out.raw(">\n");
    buttonText(params, isStartButton, out);
    out.raw(isStartButton ? START_ICON : "").raw("\n</button>");
  }

  private static void commonAttributes(JsObject params, boolean isStartButton, Html out) {
    out.raw(" class=\"govuk-button").spaceAndText(params.get("classes"));
    if (isStartButton) {
      out.raw(" govuk-button--start");
    }
    out.raw("\" data-module=\"govuk-button\"").attributes(params.get("attributes"));
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
  }

  private static void buttonText(JsObject params, boolean isStartButton, Html out) {
    if (params.truthy("html") && isStartButton) {
      out.raw("<span>").safeTrimmed(params.get("html")).raw("</span>");
    } else {
      out.htmlOrText(params);
    }
  }
}

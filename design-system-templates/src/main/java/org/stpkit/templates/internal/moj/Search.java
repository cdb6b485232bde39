package org.stpkit.templates.internal.moj;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.components.Input;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/search/template.njk}: a search form, its button after the input
 * (an icon button if asked) or, in the stacked layout, below it. Its class list starts with
 * {@code moj-search} twice, as MoJ's template writes it.
 */
final class Search implements Component {
  static final Search INSTANCE = new Search();

  private static final String ICON = "<svg width=\"20\" height=\"20\" viewBox=\"0 0 21 20\" fill=\"none\" aria-hidden=\"true\""
      + " focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">\n"
      + "<path d=\"M8.90102 14.4683C12.385 14.4683 15.2093 11.644 15.2093 8.16005C15.2093 4.6761 12.385 1.85181 8.90102"
      + " 1.85181C5.41707 1.85181 2.59277 4.6761 2.59277 8.16005C2.59277 11.644 5.41707 14.4683 8.90102 14.4683Z\""
      + " stroke=\"currentColor\" stroke-width=\"2.22222\"/>\n"
      + "<path d=\"M13.2349 12.8584L19.5909 19.2144\" stroke=\"currentColor\" stroke-width=\"2.22222\"/>\n</svg>\n";

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    boolean stacked = Js.looselyEquals(params.get("layout"), "stacked");
    boolean icon = params.truthy("iconButton") && !stacked;
    JsObject input = params.object("input");
    ClassNames classNames = new ClassNames("moj-search");
    if (stacked) {
      classNames.concat("moj-search--stacked");
    }
    classNames.concatIfTruthy(params.get("classes"));
    String buttonHtml = button(params.object("button"), icon);

    out.raw("<search class=\"moj-search ").text(classNames.join()).raw('"').attributes(params.get("attributes"))
        .raw(">\n<form").attribute("action", params.get("action"))
        .attribute("method", Js.orDefault(params.get("method"), "get")).raw(">\n");
    if (params.truthy("csrf")) {
      JsObject csrf = params.object("csrf");
      out.raw("<input type=\"hidden\"").attribute("name", Js.orDefault(csrf.get("name"), "_csrf"))
          .attribute("value", csrf.get("value")).raw(">\n");
    }
    Input.INSTANCE.render(JsObject.of(Js.object(
        "classes", "moj-search__input " + (input.truthy("classes") ? Js.string(input.get("classes")) : ""),
        "attributes", input.get("attributes"),
        "label", label(params),
        "hint", hint(params),
        "id", input.get("id"),
        "value", input.get("value"),
        "name", Js.orDefault(input.get("name"), "search"),
        "type", Js.orDefault(input.get("type"), "search"),
        "errorMessage", input.get("errorMessage"),
        "disabled", input.get("disabled"),
        "spellcheck", input.get("spellcheck"),
        "autocomplete", input.get("autocomplete"),
        "pattern", input.get("pattern"),
        "inputmode", input.get("inputmode"),
        "describedBy", input.get("describedBy"),
        "inputWrapper", Map.of("classes", "moj-search__input-wrapper"),
        "formGroup", stacked ? Map.of() : Map.of("afterInput", Map.of("html", buttonHtml)))), null, out);
    out.raw('\n');
    if (stacked) {
      out.raw(buttonHtml).raw('\n');
    }
    out.raw("</form>\n</search>");
  }

  /** The search button: govuk's button, with MoJ's magnifying glass and hidden text when {@code icon}. */
  private static String button(JsObject button, boolean icon) {
    ClassNames buttonClasses = new ClassNames("moj-search__button");
    if (icon) {
      buttonClasses.concat("moj-search__button--icon");
    }
    buttonClasses.concatIfTruthy(button.get("classes"));

    Object iconHtml = null;
    if (icon) {
      Html iconOut = new Html();
      iconOut.raw(ICON).raw("<span class=\"govuk-visually-hidden\">")
          .text(Js.orDefault(button.get("text"), "search")).raw("</span>");
      iconHtml = iconOut.toString();
    }
    Html buttonOut = new Html();
    Button.INSTANCE.render(JsObject.of(Js.object(
        "text", button.get("text"),
        "html", Js.truthy(iconHtml) ? iconHtml : button.get("html"),
        "id", button.get("id"),
        "name", button.get("name"),
        "value", button.get("value"),
        "classes", buttonClasses.join(),
        "attributes", button.get("attributes"),
        "preventDoubleClick", button.get("preventDoubleClick"))), null, buttonOut);
    return buttonOut.toString();
  }

  private static @Nullable Object label(JsObject params) {
    if (!params.truthy("label")) {
      return null;
    }
    JsObject label = params.object("label");
    return Js.object(
        "text", label.get("text"),
        "html", label.get("html"),
        "classes", "moj-search__label " + (label.truthy("classes") ? Js.string(label.get("classes")) : ""),
        "attributes", label.get("attributes"));
  }

  private static @Nullable Object hint(JsObject params) {
    if (!params.truthy("hint")) {
      return null;
    }
    JsObject hint = params.object("hint");
    return Js.object(
        "text", hint.get("text"),
        "html", hint.get("html"),
        "id", hint.get("id"),
        "classes", "moj-search__hint " + (hint.truthy("classes") ? Js.string(hint.get("classes")) : ""),
        "attributes", hint.get("attributes"));
  }
}

package org.stpkit.templates.internal.components;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/password-input/template.njk}. */
final class PasswordInput implements Component {
  static final PasswordInput INSTANCE = new PasswordInput();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject formGroup = params.object("formGroup");
    JsObject afterInput = formGroup.object("afterInput");
    Object id = params.truthy("id") ? params.get("id") : params.get("name");

    Html buttonHtml = new Html();
    Button.INSTANCE.render(JsObject.of(Js.object(
        "type", "button",
        "classes", "govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
            + (params.object("button").truthy("classes") ? " " + params.object("button").string("classes") : ""),
        "text", Js.orDefault(params.get("showPasswordText"), "Show"),
        "attributes", Js.object(
            // An undefined id still writes the attribute, empty, so it is kept as null.
            "aria-controls", Js.orDefault(id, Js.NULL),
            "aria-label", Js.orDefault(params.get("showPasswordAriaLabelText"), "Show password"),
            "hidden", Js.object("value", true, "optional", true)))), null, buttonHtml);
    if (formGroup.truthy("afterInput")) {
      buttonHtml.raw('\n').htmlOrText(afterInput);
    }

    Input.INSTANCE.render(JsObject.of(Js.object(
        "formGroup", Js.object(
            "classes", "govuk-password-input"
                + (formGroup.truthy("classes") ? " " + formGroup.string("classes") : ""),
            "attributes", formGroupAttributes(params, formGroup),
            "beforeInput", formGroup.get("beforeInput"),
            "afterInput", Js.object("html", buttonHtml.toString())),
        "inputWrapper", Js.object("classes", "govuk-password-input__wrapper"),
        "label", params.get("label"),
        "hint", params.get("hint"),
        "classes", "govuk-password-input__input govuk-js-password-input-input"
            + (params.truthy("classes") ? " " + params.string("classes") : ""),
        "errorMessage", params.get("errorMessage"),
        "id", id,
        "name", params.get("name"),
        "type", "password",
        "spellcheck", false,
        "autocapitalize", "none",
        "autocomplete", Js.or(params.get("autocomplete"), "current-password"),
        "value", params.get("value"),
        "disabled", params.get("disabled"),
        "describedBy", params.get("describedBy"),
        "attributes", params.get("attributes"))), null, out);
  }

  /** The form group's attributes as trusted markup: the module, its translations, then {@code formGroup.attributes}. */
  private static String formGroupAttributes(JsObject params, JsObject formGroup) {
    Html attributes = new Html();
    attributes.raw(" data-module=\"govuk-password-input\"")
        .i18nAttributes("show-password", params.get("showPasswordText"))
        .i18nAttributes("hide-password", params.get("hidePasswordText"))
        .i18nAttributes("show-password-aria-label", params.get("showPasswordAriaLabelText"))
        .i18nAttributes("hide-password-aria-label", params.get("hidePasswordAriaLabelText"))
        .i18nAttributes("password-shown-announcement", params.get("passwordShownAnnouncementText"))
        .i18nAttributes("password-hidden-announcement", params.get("passwordHiddenAnnouncementText"));
    // Appended as plain name="value" pairs, without govukAttributes' value options.
    if (formGroup.get("attributes") instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) formGroup.get("attributes")).entrySet()) {
        attributes.raw(' ').text(String.valueOf(entry.getKey())).raw("=\"").text(entry.getValue()).raw('"');
      }
    }
    return attributes.toString();
  }
}

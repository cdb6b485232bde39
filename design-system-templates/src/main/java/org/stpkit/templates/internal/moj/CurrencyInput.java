package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.ErrorMessage;
import org.stpkit.templates.internal.components.Hint;
import org.stpkit.templates.internal.components.Label;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/currency-input/template.njk}: a govuk-frontend text input with a
 * currency symbol before it. As in MoJ's template (by Nunjucks' operator precedence), the
 * symbol's {@code text} is printed unescaped, {@code &pound;} by default, and its {@code html} escaped.
 */
final class CurrencyInput implements Component {
  static final CurrencyInput INSTANCE = new CurrencyInput();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    boolean error = params.truthy("errorMessage");
    JsObject label = params.object("label");
    JsObject hint = params.object("hint");
    JsObject errorMessage = params.object("errorMessage");
    JsObject formGroup = params.object("formGroup");
    JsObject currencyLabel = params.object("currencyLabel");
    String describedBy = params.truthy("describedBy") ? Js.string(params.get("describedBy")) : "";
    out.raw("<div class=\"govuk-form-group").raw(error ? " govuk-form-group--error" : "");
    if (formGroup.truthy("classes")) {
      out.raw(' ').text(formGroup.get("classes"));
    }
    out.raw("\">\n");
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", label.get("html"), "text", label.get("text"), "classes", label.get("classes"),
        "isPageHeading", label.get("isPageHeading"), "attributes", label.get("attributes"),
        "for", params.get("id"))), null, out);
    out.raw('\n');
    if (params.truthy("hint")) {
      String hintId = params.string("id") + "-hint";
      describedBy = describedBy.isEmpty() ? hintId : describedBy + " " + hintId;
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", hintId, "classes", hint.get("classes"), "attributes", hint.get("attributes"),
          "html", hint.get("html"), "text", hint.get("text"))), null, out);
      out.raw('\n');
    }
    if (error) {
      String errorId = params.string("id") + "-error";
      describedBy = describedBy.isEmpty() ? errorId : describedBy + " " + errorId;
      ErrorMessage.INSTANCE.render(JsObject.of(Js.object(
          "id", errorId, "classes", errorMessage.get("classes"), "attributes", errorMessage.get("attributes"),
          "html", errorMessage.get("html"), "text", errorMessage.get("text"),
          "visuallyHiddenText", errorMessage.get("visuallyHiddenText"))), null, out);
      out.raw('\n');
    }
    out.raw("<span class=\"moj-label__currency").raw(error ? " moj-label__currency--error" : "")
        .spaceAndText(currencyLabel.get("classes")).raw("\">");
    if (currencyLabel.truthy("html")) {
      out.text(currencyLabel.get("html"));
    } else {
      out.safe(Js.orDefault(currencyLabel.get("text"), "&pound;"));
    }
    out.raw("</span>\n<input class=\"govuk-input moj-input__currency").spaceAndText(params.get("classes"))
        .raw(error ? " govuk-input--error" : "").raw('"')
        .attribute("id", params.get("id")).attribute("name", params.get("name"))
        .attribute("type", Js.orDefault(params.get("type"), "text"));
    if (params.truthy("value")) {
      out.attribute("value", params.get("value"));
    }
    if (!describedBy.isEmpty()) {
      out.attribute("aria-describedby", describedBy);
    }
    out.attribute("autocomplete", Js.orDefault(params.get("autocomplete"), "off"))
        .attribute("pattern", Js.orDefault(params.get("pattern"), "[0-9]*"))
        .attributeLoop(params.get("attributes")).raw(">\n</div>");
  }
}

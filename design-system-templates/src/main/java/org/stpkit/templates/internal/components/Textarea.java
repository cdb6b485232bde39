package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/textarea/template.njk}. */
final class Textarea implements Component {
  static final Textarea INSTANCE = new Textarea();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject formGroup = params.object("formGroup");
    JsObject label = params.object("label");
    JsObject hint = params.object("hint");
    JsObject errorMessage = params.object("errorMessage");
    boolean hasError = params.truthy("errorMessage");

    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : "";
    Object id = params.truthy("id") ? params.get("id") : params.get("name");

    out.raw("<div class=\"govuk-form-group");
    if (hasError) {
      out.raw(" govuk-form-group--error");
    }
    out.spaceAndText(formGroup.get("classes")).raw('"').attributes(formGroup.get("attributes")).raw(">\n");
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", label.get("html"),
        "text", label.get("text"),
        "classes", label.get("classes"),
        "isPageHeading", label.get("isPageHeading"),
        "attributes", label.get("attributes"),
        "for", id)), null, out);
    if (params.truthy("hint")) {
      String hintId = Js.string(id) + "-hint";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + hintId : hintId;
      out.raw('\n');
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", hintId,
          "classes", hint.get("classes"),
          "attributes", hint.get("attributes"),
          "html", hint.get("html"),
          "text", hint.get("text"))), null, out);
    }
    if (hasError) {
      String errorId = Js.string(id) + "-error";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + errorId : errorId;
      out.raw('\n');
      ErrorMessage.INSTANCE.render(JsObject.of(Js.object(
          "id", errorId,
          "classes", errorMessage.get("classes"),
          "attributes", errorMessage.get("attributes"),
          "html", errorMessage.get("html"),
          "text", errorMessage.get("text"),
          "visuallyHiddenText", errorMessage.get("visuallyHiddenText"))), null, out);
    }
    if (formGroup.truthy("beforeInput")) {
      out.raw('\n').htmlOrText(formGroup.object("beforeInput"));
    }
    out.raw("\n<textarea class=\"govuk-textarea");
    if (hasError) {
      out.raw(" govuk-textarea--error");
    }
    out.spaceAndText(params.get("classes")).raw('"')
        .attribute("id", id)
        .attribute("name", params.get("name"))
        .attribute("rows", Js.or(params.get("rows"), 5));
    Object spellcheck = params.get("spellcheck");
    if (spellcheck instanceof Boolean) {
      out.attribute("spellcheck", spellcheck.toString());
    }
    if (params.truthy("disabled")) {
      out.raw(" disabled");
    }
    if (Js.truthy(describedBy)) {
      out.attribute("aria-describedby", describedBy);
    }
    if (params.truthy("autocomplete")) {
      out.attribute("autocomplete", params.get("autocomplete"));
    }
    out.attributes(params.get("attributes")).raw('>').text(params.get("value")).raw("</textarea>");
    if (formGroup.truthy("afterInput")) {
      out.raw('\n').htmlOrText(formGroup.object("afterInput"));
    }
    out.raw("\n</div>");
  }
}

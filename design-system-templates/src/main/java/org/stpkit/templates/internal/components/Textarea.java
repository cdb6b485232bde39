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
    boolean hasError = params.truthy("errorMessage");

    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : "";
    Object id = params.truthy("id") ? params.get("id") : params.get("name");

    describedBy = FormGroupParts.openWithLabelHintAndError(params, id, describedBy, out);
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

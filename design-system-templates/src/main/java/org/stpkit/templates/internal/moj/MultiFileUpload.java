package org.stpkit.templates.internal.moj;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/multi-file-upload/template.njk}: the files uploaded so far, each
 * with a delete button, and the upload field the service passes as {@code uploadHtml}.
 */
final class MultiFileUpload implements Component {
  static final MultiFileUpload INSTANCE = new MultiFileUpload();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject uploaded = params.object("uploadedFiles");
    Object items = uploaded.get("items");
    Object length = length(items);
    out.raw("<div class=\"moj-multi-file-upload").spaceAndText(params.get("classes"))
        .raw("\" data-module=\"moj-multi-file-upload\"").attributeLoop(params.get("attributes"))
        .raw(">\n<div class=\"moj-multi-file__uploaded-files ")
        .raw(Js.looselyEquals(length, 0) ? "moj-hidden" : "")
        .raw("\">\n<h2 class=\"govuk-heading-m\">").htmlOrTextUntrimmed(uploaded.object("heading"))
        .raw("</h2>\n<div class=\"govuk-summary-list moj-multi-file-upload__list\">\n");
    if (Js.truthy(items) && length instanceof Number && ((Number) length).doubleValue() > 0) {
      for (Object value : Js.iterable(items)) {
        JsObject item = JsObject.of(value);
        out.raw("<div class=\"govuk-summary-list__row moj-multi-file-upload__row\">\n")
            .raw("<div class=\"govuk-summary-list__value moj-multi-file-upload__message\">\n")
            .htmlOrTextUntrimmed(item.object("message"))
            .raw("\n</div>\n<div class=\"govuk-summary-list__actions moj-multi-file-upload__actions\">\n")
            .raw("<button type=\"submit\" name=\"delete\" class=\"moj-multi-file-upload__delete govuk-button")
            .raw(" govuk-button--secondary govuk-!-margin-bottom-0\"").attribute("value", item.get("fileName")).raw(">\n")
            .text(item.object("deleteButton").get("text"))
            .raw(" <span class=\"govuk-visually-hidden\">").text(item.get("originalFileName"))
            .raw("</span>\n</button>\n</div>\n</div>\n");
      }
    }
    out.raw("</div>\n</div>\n<div class=\"moj-multi-file-upload__upload\">\n").safe(params.get("uploadHtml"))
        .raw("\n</div>\n</div>");
  }

  /** {@code items.length}: an array's or a string's length, an object's {@code length} property, else undefined. */
  private static @Nullable Object length(@Nullable Object items) {
    if (items instanceof List || items instanceof String || items instanceof Markup) {
      return Js.length(items);
    }
    if (items instanceof Map) {
      return JsObject.of(items).get("length");
    }
    return null;
  }
}

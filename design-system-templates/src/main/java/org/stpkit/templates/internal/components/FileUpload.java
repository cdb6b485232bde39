package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/file-upload/template.njk}. */
final class FileUpload implements Component {
  static final FileUpload INSTANCE = new FileUpload();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject formGroup = params.object("formGroup");
    boolean hasError = params.truthy("errorMessage");
    boolean javascript = params.truthy("javascript");

    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : "";
    Object id = params.truthy("id") ? params.get("id") : params.get("name");

    describedBy = FormGroupParts.openWithLabelHintAndError(params, id, describedBy, out);
    if (formGroup.truthy("beforeInput")) {
      out.raw('\n').htmlOrText(formGroup.object("beforeInput"));
    }
    if (javascript) {
      out.raw("\n<div class=\"govuk-file-upload-wrapper").spaceAndText(params.get("wrapperClasses"))
          .raw("\" data-module=\"govuk-file-upload\"")
          .i18nAttributes("choose-files-button", params.get("chooseFilesButtonText"))
          .i18nAttributes("no-file-chosen", params.get("noFileChosenText"))
          .i18nAttributes("multiple-files-chosen", null, params.get("multipleFilesChosenText"))
          .i18nAttributes("drop-instruction", params.get("dropInstructionText"))
          .i18nAttributes("entered-drop-zone", params.get("enteredDropZoneText"))
          .i18nAttributes("left-drop-zone", params.get("leftDropZoneText"))
          .attributes(params.get("wrapperAttributes"))
          .raw('>');
    }
    out.raw("\n<input class=\"govuk-file-upload").spaceAndText(params.get("classes"));
    if (hasError) {
      out.raw(" govuk-file-upload--error");
    }
    out.raw('"')
        .attribute("id", id)
        .attribute("name", params.get("name"))
        .raw(" type=\"file\"");
    if (params.truthy("disabled")) {
      out.raw(" disabled");
    }
    if (params.truthy("multiple")) {
      out.raw(" multiple");
    }
    if (Js.truthy(describedBy)) {
      out.attribute("aria-describedby", describedBy);
    }
    out.attributes(params.get("attributes")).raw('>');
    if (javascript) {
      out.raw("\n</div>");
    }
    if (formGroup.truthy("afterInput")) {
      out.raw('\n').htmlOrText(formGroup.object("afterInput"));
    }
    out.raw("\n</div>");
  }
}

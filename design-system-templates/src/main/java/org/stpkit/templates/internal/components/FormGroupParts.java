package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;

/**
 * The parts that govuk-frontend's form control templates (input, textarea, select, file upload,
 * radios, checkboxes, date input) write with the same lines: the form group's opening tag; the
 * label, hint and error message, whose ids are added to the control's {@code aria-describedby};
 * and the label, hint and conditional content of a radio or checkbox. Each method stands for
 * those lines of the templates, so that a component still reads as its template.
 */
final class FormGroupParts {
  private FormGroupParts() {}

  /** The opening tag of {@code govuk-form-group}, marked as in error when there is an error message. */
  static void open(JsObject params, Html out) {
    JsObject formGroup = params.object("formGroup");
    out.raw("<div class=\"govuk-form-group");
    if (params.truthy("errorMessage")) {
      out.raw(" govuk-form-group--error");
    }
    out.spaceAndText(formGroup.get("classes")).raw('"').attributes(formGroup.get("attributes")).raw(">\n");
  }

  /**
   * What the templates of a single control (input, textarea, select, file upload) write before
   * it: the form group's opening tag, the label, the hint and the error message.
   *
   * @return {@code describedBy} with the ids of the hint and error message added
   */
  static @Nullable Object openWithLabelHintAndError(
      JsObject params, @Nullable Object id, @Nullable Object describedBy, Html out) {
    open(params, out);
    label(params, id, out);
    if (params.truthy("hint")) {
      out.raw('\n');
      describedBy = hint(params, id, describedBy, out);
    }
    if (params.truthy("errorMessage")) {
      out.raw('\n');
      describedBy = errorMessage(params, id, describedBy, out);
    }
    return describedBy;
  }

  /**
   * What the templates of a group of inputs (radios, checkboxes, date input) write first, inside
   * the fieldset if there is one: the hint and the error message.
   *
   * @return {@code describedBy} with the ids of the hint and error message added
   */
  static @Nullable Object hintAndError(
      JsObject params, @Nullable Object idPrefix, @Nullable Object describedBy, Html out) {
    if (params.truthy("hint")) {
      describedBy = hint(params, idPrefix, describedBy, out);
      out.raw('\n');
    }
    if (params.truthy("errorMessage")) {
      describedBy = errorMessage(params, idPrefix, describedBy, out);
      out.raw('\n');
    }
    return describedBy;
  }

  /** {@code govukLabel} for the control with this id, from {@code params.label}. */
  private static void label(JsObject params, @Nullable Object id, Html out) {
    JsObject label = params.object("label");
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", label.get("html"),
        "text", label.get("text"),
        "classes", label.get("classes"),
        "isPageHeading", label.get("isPageHeading"),
        "attributes", label.get("attributes"),
        "for", id)), null, out);
  }

  /**
   * {@code govukHint} from {@code params.hint}, with the id {@code idPrefix + '-hint'}.
   *
   * @return {@code describedBy} with the hint's id added
   */
  private static String hint(JsObject params, @Nullable Object idPrefix, @Nullable Object describedBy, Html out) {
    JsObject hint = params.object("hint");
    String hintId = Js.string(idPrefix) + "-hint";
    Hint.INSTANCE.render(JsObject.of(Js.object(
        "id", hintId,
        "classes", hint.get("classes"),
        "attributes", hint.get("attributes"),
        "html", hint.get("html"),
        "text", hint.get("text"))), null, out);
    return describedBy(describedBy, hintId);
  }

  /**
   * {@code govukErrorMessage} from {@code params.errorMessage}, with the id {@code idPrefix + '-error'}.
   *
   * @return {@code describedBy} with the error message's id added
   */
  private static String errorMessage(JsObject params, @Nullable Object idPrefix, @Nullable Object describedBy, Html out) {
    JsObject errorMessage = params.object("errorMessage");
    String errorId = Js.string(idPrefix) + "-error";
    ErrorMessage.INSTANCE.render(JsObject.of(Js.object(
        "id", errorId,
        "classes", errorMessage.get("classes"),
        "attributes", errorMessage.get("attributes"),
        "html", errorMessage.get("html"),
        "text", errorMessage.get("text"),
        "visuallyHiddenText", errorMessage.get("visuallyHiddenText"))), null, out);
    return describedBy(describedBy, errorId);
  }

  /**
   * The label of a radio or checkbox: its {@code text} or {@code html}, with {@code block} ("govuk-radios" or
   * "govuk-checkboxes") naming its class.
   */
  static void itemLabel(String block, JsObject item, @Nullable Object itemId, Html out) {
    JsObject label = item.object("label");
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", item.get("html"),
        "text", item.get("text"),
        "classes", block + "__label" + (label.truthy("classes") ? " " + label.string("classes") : ""),
        "attributes", label.get("attributes"),
        "for", itemId)), null, out);
  }

  /** The hint of a radio or checkbox, which its input is described by. */
  static void itemHint(String block, JsObject item, String itemHintId, Html out) {
    JsObject hint = item.object("hint");
    Hint.INSTANCE.render(JsObject.of(Js.object(
        "id", itemHintId,
        "classes", block + "__hint" + (hint.truthy("classes") ? " " + hint.string("classes") : ""),
        "attributes", hint.get("attributes"),
        "html", hint.get("html"),
        "text", hint.get("text"))), null, out);
  }

  /** The conditional content of a radio or checkbox, hidden until it is checked. */
  static void itemConditional(String block, JsObject item, boolean isChecked, String conditionalId, Html out) {
    out.raw("<div class=\"").raw(block).raw("__conditional");
    if (!isChecked) {
      out.raw(' ').raw(block).raw("__conditional--hidden");
    }
    out.raw('"').attribute("id", conditionalId).raw(">\n")
        .safeTrimmed(item.object("conditional").get("html"))
        .raw("\n</div>");
  }

  /** {@code describedBy + ' ' + id if describedBy else id}. */
  private static String describedBy(@Nullable Object describedBy, String id) {
    return Js.truthy(describedBy) ? Js.string(describedBy) + " " + id : id;
  }
}

package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/input/template.njk}. */
public final class Input implements Component {
  public static final Input INSTANCE = new Input();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject formGroup = params.object("formGroup");
    JsObject prefix = params.object("prefix");
    JsObject suffix = params.object("suffix");
    JsObject beforeInput = formGroup.object("beforeInput");
    JsObject afterInput = formGroup.object("afterInput");
    JsObject inputWrapper = params.object("inputWrapper");

    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : null;
    Object id = params.truthy("id") ? params.get("id") : params.get("name");
    boolean hasPrefix = params.truthy("prefix") && (prefix.truthy("text") || prefix.truthy("html"));
    boolean hasSuffix = params.truthy("suffix") && (suffix.truthy("text") || suffix.truthy("html"));
    boolean hasBeforeInput = formGroup.truthy("beforeInput")
        && (beforeInput.truthy("text") || beforeInput.truthy("html"));
    boolean hasAfterInput = formGroup.truthy("afterInput")
        && (afterInput.truthy("text") || afterInput.truthy("html"));

    describedBy = FormGroupParts.openWithLabelHintAndError(params, id, describedBy, out);
    out.raw('\n');
    if (hasPrefix || hasSuffix || hasBeforeInput || hasAfterInput) {
      out.raw("<div class=\"govuk-input__wrapper").spaceAndText(inputWrapper.get("classes")).raw('"')
          .attributes(inputWrapper.get("attributes")).raw(">\n");
      if (hasBeforeInput) {
        out.htmlOrText(beforeInput).raw('\n');
      }
      if (hasPrefix) {
        affix(prefix, "prefix", out);
        out.raw('\n');
      }
      inputElement(params, id, describedBy, out);
      if (hasSuffix) {
        out.raw('\n');
        affix(suffix, "suffix", out);
      }
      if (hasAfterInput) {
        out.raw('\n').htmlOrText(afterInput);
      }
      out.raw("\n</div>");
    } else {
      inputElement(params, id, describedBy, out);
    }
    out.raw("\n</div>");
  }

  private static void inputElement(JsObject params, @Nullable Object id, @Nullable Object describedBy, Html out) {
    StringBuilder classNames = new StringBuilder("govuk-input");
    if (params.truthy("classes")) {
      classNames.append(' ').append(params.string("classes"));
    }
    if (params.truthy("errorMessage")) {
      classNames.append(" govuk-input--error");
    }
    Object spellcheck = params.get("spellcheck");
    out.raw("<input")
        .attribute("class", classNames.toString())
        .attribute("id", id)
        .attribute("name", params.get("name"))
        .attribute("type", Js.or(params.get("type"), "text"))
        .optionalAttribute("spellcheck", spellcheck instanceof Boolean ? spellcheck.toString() : null)
        .optionalAttribute("value", params.get("value"))
        .optionalAttribute("disabled", params.get("disabled"))
        .optionalAttribute("aria-describedby", describedBy)
        .optionalAttribute("autocomplete", params.get("autocomplete"))
        .optionalAttribute("autocapitalize", params.get("autocapitalize"))
        .optionalAttribute("pattern", params.get("pattern"))
        .optionalAttribute("inputmode", params.get("inputmode"))
        .attributes(params.get("attributes"))
        .raw('>');
  }

  private static void affix(JsObject affix, String type, Html out) {
    out.raw("<div class=\"govuk-input__").raw(type).spaceAndText(affix.get("classes"))
        .raw("\" aria-hidden=\"true\"").attributes(affix.get("attributes")).raw('>')
        .htmlOrText(affix).raw("</div>");
  }
}

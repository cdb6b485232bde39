package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/radios/template.njk}. */
final class Radios implements Component {
  static final Radios INSTANCE = new Radios();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject fieldset = params.object("fieldset");
    JsObject formGroup = params.object("formGroup");
    // Without an idPrefix the name is the prefix, even when undefined: ids then read "undefined".
    String idPrefix = Js.string(params.truthy("idPrefix") ? params.get("idPrefix") : params.get("name"));
    Object describedBy = fieldset.truthy("describedBy") ? fieldset.get("describedBy") : "";

    Html inner = new Html();
    describedBy = FormGroupParts.hintAndError(params, idPrefix, describedBy, inner);
    inner.raw("<div class=\"govuk-radios").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(" data-module=\"govuk-radios\">");
    if (formGroup.truthy("beforeInputs")) {
      inner.raw('\n').htmlOrText(formGroup.object("beforeInputs"));
    }
    List<?> items = params.array("items");
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (Js.truthy(item)) {
        inner.raw('\n');
        item(params, JsObject.of(item), i + 1, idPrefix, inner);
      }
    }
    if (formGroup.truthy("afterInputs")) {
      inner.raw('\n').htmlOrText(formGroup.object("afterInputs"));
    }
    inner.raw("\n</div>");

    FormGroupParts.open(params, out);
    if (params.truthy("fieldset")) {
      Fieldset.INSTANCE.render(JsObject.of(Js.object(
          "describedBy", describedBy,
          "classes", fieldset.get("classes"),
          "attributes", fieldset.get("attributes"),
          "legend", fieldset.get("legend"))), new Markup(inner.toString()), out);
    } else {
      out.raw(inner.toString());
    }
    out.raw("\n</div>");
  }

  private static void item(JsObject params, JsObject item, int index, String idPrefix, Html out) {
    // The first id has no number suffix, so that the error summary can link to it.
    Object itemId = item.truthy("id") ? item.get("id") : idPrefix + (index > 1 ? "-" + index : "");
    String conditionalId = "conditional-" + Js.string(itemId);
    if (item.truthy("divider")) {
      out.raw("<div class=\"govuk-radios__divider\">").text(item.get("divider")).raw("</div>");
      return;
    }
    boolean isChecked = item.truthy("checked")
        || (params.truthy("value")
            && Js.looselyEquals(item.get("value"), params.get("value"))
            && !Js.looselyEquals(item.get("checked"), false));
    JsObject hint = item.object("hint");
    JsObject conditional = item.object("conditional");
    boolean hasHint = hint.truthy("text") || hint.truthy("html");
    String itemHintId = Js.string(itemId) + "-item-hint";

    out.raw("<div class=\"govuk-radios__item\">\n<input class=\"govuk-radios__input\"")
        .attribute("id", itemId)
        .attribute("name", params.get("name"))
        .raw(" type=\"radio\"")
        .attribute("value", item.get("value"));
    if (isChecked) {
      out.raw(" checked");
    }
    if (item.truthy("disabled")) {
      out.raw(" disabled");
    }
    if (conditional.truthy("html")) {
      out.attribute("data-aria-controls", conditionalId);
    }
    if (hasHint) {
      out.attribute("aria-describedby", itemHintId);
    }
    out.attributes(item.get("attributes")).raw(">\n");
    FormGroupParts.itemLabel("govuk-radios", item, itemId, out);
    if (hasHint) {
      out.raw('\n');
      FormGroupParts.itemHint("govuk-radios", item, itemHintId, out);
    }
    out.raw("\n</div>");
    if (conditional.truthy("html")) {
      out.raw('\n');
      FormGroupParts.itemConditional("govuk-radios", item, isChecked, conditionalId, out);
    }
  }
}

package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/checkboxes/template.njk}. */
final class Checkboxes implements Component {
  static final Checkboxes INSTANCE = new Checkboxes();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject fieldset = params.object("fieldset");
    JsObject formGroup = params.object("formGroup");
    // Without an idPrefix the name is the prefix, even when undefined: ids then read "undefined-...".
    Object idPrefix = params.truthy("idPrefix") ? params.get("idPrefix") : params.get("name");
    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : "";
    if (fieldset.truthy("describedBy")) {
      describedBy = fieldset.get("describedBy");
    }
    boolean hasFieldset = params.truthy("fieldset");

    Html inner = new Html();
    describedBy = FormGroupParts.hintAndError(params, idPrefix, describedBy, inner);
    inner.raw("<div class=\"govuk-checkboxes").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(" data-module=\"govuk-checkboxes\">");
    if (formGroup.truthy("beforeInputs")) {
      inner.raw('\n').htmlOrText(formGroup.object("beforeInputs"));
    }
    // Items are rendered after the hint and error message, whose ids they are described by.
    Object itemDescribedBy = hasFieldset ? "" : describedBy;
    List<?> items = params.array("items");
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (Js.truthy(item)) {
        inner.raw('\n');
        item(params, JsObject.of(item), i + 1, idPrefix, itemDescribedBy, inner);
      }
    }
    if (formGroup.truthy("afterInputs")) {
      inner.raw('\n').htmlOrText(formGroup.object("afterInputs"));
    }
    inner.raw("\n</div>");

    FormGroupParts.open(params, out);
    if (hasFieldset) {
      Fieldset.INSTANCE.render(JsObject.of(Js.object(
          "describedBy", describedBy,
          "classes", fieldset.get("classes"),
          "attributes", fieldset.get("attributes"),
          "legend", fieldset.get("legend"),
          "html", inner.toString())), null, out);
    } else {
      out.raw(inner.toString());
    }
    out.raw("\n</div>");
  }

  private static void item(JsObject params, JsObject item, int index, @Nullable Object idPrefix,
      Object describedBy, Html out) {
    // The first id has no number suffix, so that the error summary can link to it.
    Object itemId = item.truthy("id") ? item.get("id") : Js.string(idPrefix) + (index > 1 ? "-" + index : "");
    Object itemName = item.truthy("name") ? item.get("name") : params.get("name");
    String conditionalId = "conditional-" + Js.string(itemId);
    if (item.truthy("divider")) {
      out.raw("<div class=\"govuk-checkboxes__divider\">").text(item.get("divider")).raw("</div>");
      return;
    }
    boolean isChecked = item.truthy("checked")
        || (params.truthy("values") && Js.in(item.get("value"), params.get("values"))
            && !Js.looselyEquals(item.get("checked"), false));
    JsObject hint = item.object("hint");
    JsObject conditional = item.object("conditional");
    boolean hasHint = hint.truthy("text") || hint.truthy("html");
    String itemHintId = hasHint ? Js.string(itemId) + "-item-hint" : "";
    String itemDescribedBy = Js.trim(Js.string(describedBy) + " " + itemHintId);

    out.raw("<div class=\"govuk-checkboxes__item\">\n<input class=\"govuk-checkboxes__input\"")
        .attribute("id", itemId)
        .attribute("name", itemName)
        .raw(" type=\"checkbox\"")
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
    if (item.truthy("behaviour")) {
      out.attribute("data-behaviour", item.get("behaviour"));
    }
    if (!itemDescribedBy.isEmpty()) {
      out.attribute("aria-describedby", itemDescribedBy);
    }
    out.attributes(item.get("attributes")).raw(">\n");
    FormGroupParts.itemLabel("govuk-checkboxes", item, itemId, out);
    if (hasHint) {
      out.raw('\n');
      FormGroupParts.itemHint("govuk-checkboxes", item, itemHintId, out);
    }
    out.raw("\n</div>");
    if (conditional.truthy("html")) {
      out.raw('\n');
      FormGroupParts.itemConditional("govuk-checkboxes", item, isChecked, conditionalId, out);
    }
  }
}

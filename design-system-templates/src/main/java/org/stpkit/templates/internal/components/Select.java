package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/select/template.njk}. */
final class Select implements Component {
  static final Select INSTANCE = new Select();

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
    out.raw("\n<select class=\"govuk-select").spaceAndText(params.get("classes"));
    if (hasError) {
      out.raw(" govuk-select--error");
    }
    out.raw('"').attribute("id", id).attribute("name", params.get("name"));
    if (params.truthy("disabled")) {
      out.raw(" disabled");
    }
    if (Js.truthy(describedBy)) {
      out.attribute("aria-describedby", describedBy);
    }
    out.attributes(params.get("attributes")).raw('>');
    for (Object itemValue : Js.iterable(params.get("items"))) {
      if (Js.truthy(itemValue)) {
        out.raw('\n');
        option(JsObject.of(itemValue), params.get("value"), out);
      }
    }
    out.raw("\n</select>");
    if (formGroup.truthy("afterInput")) {
      out.raw('\n').htmlOrText(formGroup.object("afterInput"));
    }
    out.raw("\n</div>");
  }

  private static void option(JsObject item, @Nullable Object selectedValue, Html out) {
    Object value = item.get("value");
    boolean selected;
    if (item.truthy("selected")) {
      selected = true;
    } else if (Js.truthy(selectedValue)) {
      selected = Js.looselyEquals(Js.orDefault(value, item.get("text")), selectedValue)
          && !Js.looselyEquals(item.get("selected"), false);
    } else {
      selected = false;
    }
    out.raw("<option");
    if (value != null) {
      out.attribute("value", value);
    }
    if (selected) {
      out.raw(" selected");
    }
    if (item.truthy("disabled")) {
      out.raw(" disabled");
    }
    out.attributes(item.get("attributes")).raw('>').text(item.get("text")).raw("</option>");
  }
}

package org.stpkit.templates.internal.components;

import java.util.List;
import java.util.Map;
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
    JsObject hint = params.object("hint");
    JsObject errorMessage = params.object("errorMessage");
    JsObject formGroup = params.object("formGroup");
    // Without an idPrefix the name is the prefix, even when undefined: ids then read "undefined-...".
    Object idPrefix = params.truthy("idPrefix") ? params.get("idPrefix") : params.get("name");
    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : "";
    if (fieldset.truthy("describedBy")) {
      describedBy = fieldset.get("describedBy");
    }
    boolean hasFieldset = params.truthy("fieldset");

    Html inner = new Html();
    if (params.truthy("hint")) {
      String hintId = Js.string(idPrefix) + "-hint";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + hintId : hintId;
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", hintId,
          "classes", hint.get("classes"),
          "attributes", hint.get("attributes"),
          "html", hint.get("html"),
          "text", hint.get("text"))), null, inner);
      inner.raw('\n');
    }
    if (params.truthy("errorMessage")) {
      String errorId = Js.string(idPrefix) + "-error";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + errorId : errorId;
      ErrorMessage.INSTANCE.render(JsObject.of(Js.object(
          "id", errorId,
          "classes", errorMessage.get("classes"),
          "attributes", errorMessage.get("attributes"),
          "html", errorMessage.get("html"),
          "text", errorMessage.get("text"),
          "visuallyHiddenText", errorMessage.get("visuallyHiddenText"))), null, inner);
      inner.raw('\n');
    }
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

    out.raw("<div class=\"govuk-form-group");
    if (params.truthy("errorMessage")) {
      out.raw(" govuk-form-group--error");
    }
    out.spaceAndText(formGroup.get("classes")).raw('"').attributes(formGroup.get("attributes")).raw(">\n");
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
        || (params.truthy("values") && in(item.get("value"), params.get("values"))
            && !looselyFalse(item.get("checked")));
    JsObject hint = item.object("hint");
    JsObject label = item.object("label");
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
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", item.get("html"),
        "text", item.get("text"),
        "classes", "govuk-checkboxes__label" + (label.truthy("classes") ? " " + label.string("classes") : ""),
        "attributes", label.get("attributes"),
        "for", itemId)), null, out);
    if (hasHint) {
      out.raw('\n');
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", itemHintId,
          "classes", "govuk-checkboxes__hint" + (hint.truthy("classes") ? " " + hint.string("classes") : ""),
          "attributes", hint.get("attributes"),
          "html", hint.get("html"),
          "text", hint.get("text"))), null, out);
    }
    out.raw("\n</div>");
    if (conditional.truthy("html")) {
      out.raw("\n<div class=\"govuk-checkboxes__conditional");
      if (!isChecked) {
        out.raw(" govuk-checkboxes__conditional--hidden");
      }
      out.raw('"').attribute("id", conditionalId).raw(">\n")
          .safeTrimmed(conditional.get("html"))
          .raw("\n</div>");
    }
  }

  /**
   * Nunjucks' {@code value in values}: strict equality with an array item, a substring of a string,
   * a key of an object; any other values (which make Nunjucks throw) contain nothing.
   */
  private static boolean in(@Nullable Object value, @Nullable Object values) {
    if (values instanceof List) {
      for (Object candidate : (List<?>) values) {
        // A Java null in a list is a JSON null, never undefined.
        if (strictEquals(candidate == null ? Js.NULL : candidate, value)) {
          return true;
        }
      }
      return false;
    }
    if (values instanceof String) {
      return ((String) values).contains(Js.string(value));
    }
    if (values instanceof Map) {
      return ((Map<?, ?>) values).containsKey(Js.string(value));
    }
    return false;
  }

  /** JavaScript's {@code a === b} for JSON values: objects and arrays are equal only to themselves. */
  private static boolean strictEquals(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof String || a instanceof Boolean) {
      return a.equals(b);
    }
    return a == b;
  }

  /** {@code checked == false} for a falsy {@code checked}: true for false, 0 and "", not for null or undefined. */
  private static boolean looselyFalse(@Nullable Object checked) {
    return Boolean.FALSE.equals(checked)
        || (checked instanceof Number && ((Number) checked).doubleValue() == 0)
        || "".equals(checked);
  }
}

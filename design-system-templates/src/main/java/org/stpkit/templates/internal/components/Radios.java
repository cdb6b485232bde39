package org.stpkit.templates.internal.components;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/radios/template.njk}. */
final class Radios implements Component {
  static final Radios INSTANCE = new Radios();

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(Infinity|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)");
  private static final Pattern NON_DECIMAL = Pattern.compile("0([xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)");

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject fieldset = params.object("fieldset");
    JsObject hint = params.object("hint");
    JsObject errorMessage = params.object("errorMessage");
    JsObject formGroup = params.object("formGroup");
    // Without an idPrefix the name is the prefix, even when undefined: ids then read "undefined".
    String idPrefix = Js.string(params.truthy("idPrefix") ? params.get("idPrefix") : params.get("name"));
    Object describedBy = fieldset.truthy("describedBy") ? fieldset.get("describedBy") : "";
    boolean hasError = params.truthy("errorMessage");

    Html inner = new Html();
    if (params.truthy("hint")) {
      String hintId = idPrefix + "-hint";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + hintId : hintId;
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", hintId,
          "classes", hint.get("classes"),
          "attributes", hint.get("attributes"),
          "html", hint.get("html"),
          "text", hint.get("text"))), null, inner);
      inner.raw('\n');
    }
    if (hasError) {
      String errorId = idPrefix + "-error";
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

    out.raw("<div class=\"govuk-form-group");
    if (hasError) {
      out.raw(" govuk-form-group--error");
    }
    out.spaceAndText(formGroup.get("classes")).raw('"').attributes(formGroup.get("attributes")).raw(">\n");
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
            && looselyEqual(item.get("value"), params.get("value"))
            && !looselyEqual(item.get("checked"), false));
    JsObject hint = item.object("hint");
    JsObject label = item.object("label");
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
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", item.get("html"),
        "text", item.get("text"),
        "classes", "govuk-radios__label" + (label.truthy("classes") ? " " + label.string("classes") : ""),
        "attributes", label.get("attributes"),
        "for", itemId)), null, out);
    if (hasHint) {
      out.raw('\n');
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", itemHintId,
          "classes", "govuk-radios__hint" + (hint.truthy("classes") ? " " + hint.string("classes") : ""),
          "attributes", hint.get("attributes"),
          "html", hint.get("html"),
          "text", hint.get("text"))), null, out);
    }
    out.raw("\n</div>");
    if (conditional.truthy("html")) {
      out.raw("\n<div class=\"govuk-radios__conditional");
      if (!isChecked) {
        out.raw(" govuk-radios__conditional--hidden");
      }
      out.raw("\" id=\"").text(conditionalId).raw("\">\n").safeTrimmed(conditional.get("html")).raw("\n</div>");
    }
  }

  /** JavaScript's {@code a == b}. */
  private static boolean looselyEqual(@Nullable Object a, @Nullable Object b) {
    if (Js.isNullish(a) || Js.isNullish(b)) {
      return Js.isNullish(a) && Js.isNullish(b);
    }
    if (isObject(a) && isObject(b)) {
      return a == b;
    }
    Object left = isObject(a) ? Js.string(a) : a;
    Object right = isObject(b) ? Js.string(b) : b;
    if (left instanceof String && right instanceof String) {
      return left.equals(right);
    }
    // NaN is equal to nothing, itself included, as in JavaScript.
    return toNumber(left) == toNumber(right);
  }

  private static boolean isObject(Object value) {
    return value instanceof Map || value instanceof List || value instanceof Markup;
  }

  /** JavaScript's {@code Number(value)} for a primitive. */
  private static double toNumber(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? 1 : 0;
    }
    String text = Js.trim(Js.string(value));
    if (text.isEmpty()) {
      return 0;
    }
    if (DECIMAL.matcher(text).matches()) {
      return text.endsWith("Infinity")
          ? (text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
          : Double.parseDouble(text);
    }
    if (NON_DECIMAL.matcher(text).matches()) {
      char radix = Character.toLowerCase(text.charAt(1));
      return new BigInteger(text.substring(2), radix == 'x' ? 16 : radix == 'b' ? 2 : 8).doubleValue();
    }
    return Double.NaN;
  }
}

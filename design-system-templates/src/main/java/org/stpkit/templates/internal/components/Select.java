package org.stpkit.templates.internal.components;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/select/template.njk}. */
final class Select implements Component {
  static final Select INSTANCE = new Select();

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(Infinity|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)");
  private static final Pattern RADIX = Pattern.compile("0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject formGroup = params.object("formGroup");
    JsObject label = params.object("label");
    JsObject hint = params.object("hint");
    JsObject errorMessage = params.object("errorMessage");
    boolean hasError = params.truthy("errorMessage");

    Object describedBy = params.truthy("describedBy") ? params.get("describedBy") : "";
    Object id = params.truthy("id") ? params.get("id") : params.get("name");

    out.raw("<div class=\"govuk-form-group");
    if (hasError) {
      out.raw(" govuk-form-group--error");
    }
    out.spaceAndText(formGroup.get("classes")).raw('"').attributes(formGroup.get("attributes")).raw(">\n");
    Label.INSTANCE.render(JsObject.of(Js.object(
        "html", label.get("html"),
        "text", label.get("text"),
        "classes", label.get("classes"),
        "isPageHeading", label.get("isPageHeading"),
        "attributes", label.get("attributes"),
        "for", id)), null, out);
    if (params.truthy("hint")) {
      String hintId = Js.string(id) + "-hint";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + hintId : hintId;
      out.raw('\n');
      Hint.INSTANCE.render(JsObject.of(Js.object(
          "id", hintId,
          "classes", hint.get("classes"),
          "attributes", hint.get("attributes"),
          "html", hint.get("html"),
          "text", hint.get("text"))), null, out);
    }
    if (hasError) {
      String errorId = Js.string(id) + "-error";
      describedBy = Js.truthy(describedBy) ? Js.string(describedBy) + " " + errorId : errorId;
      out.raw('\n');
      ErrorMessage.INSTANCE.render(JsObject.of(Js.object(
          "id", errorId,
          "classes", errorMessage.get("classes"),
          "attributes", errorMessage.get("attributes"),
          "html", errorMessage.get("html"),
          "text", errorMessage.get("text"),
          "visuallyHiddenText", errorMessage.get("visuallyHiddenText"))), null, out);
    }
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
    for (Object itemValue : loopItems(params.get("items"))) {
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
      selected = looselyEqual(Js.orDefault(value, item.get("text")), selectedValue)
          && looselyNotFalse(item.get("selected"));
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

  /** What a Nunjucks for loop visits: the items of an array or the characters of a string. */
  private static List<?> loopItems(@Nullable Object value) {
    if (value instanceof List) {
      return (List<?>) value;
    }
    if (value instanceof String) {
      String text = (String) value;
      List<String> characters = new ArrayList<>(text.length());
      for (int i = 0; i < text.length(); i++) {
        characters.add(String.valueOf(text.charAt(i)));
      }
      return characters;
    }
    return List.of();
  }

  /** {@code selected != false} for a falsy {@code selected}: only undefined, null and NaN pass. */
  private static boolean looselyNotFalse(@Nullable Object selected) {
    if (Js.isNullish(selected)) {
      return true;
    }
    return selected instanceof Number && Double.isNaN(((Number) selected).doubleValue());
  }

  /** JavaScript's {@code a == b}, where {@code b} is truthy (so neither null nor undefined). */
  private static boolean looselyEqual(@Nullable Object a, Object b) {
    if (Js.isNullish(a)) {
      return false;
    }
    if (isObject(a) && isObject(b)) {
      return a == b;
    }
    Object primitiveA = toPrimitive(a);
    Object primitiveB = toPrimitive(b);
    if (primitiveA instanceof String && primitiveB instanceof String) {
      return primitiveA.equals(primitiveB);
    }
    // NaN compares unequal to everything, itself included.
    return toNumber(primitiveA) == toNumber(primitiveB);
  }

  private static boolean isObject(Object value) {
    return value instanceof Map || value instanceof List;
  }

  private static Object toPrimitive(Object value) {
    if (value instanceof Boolean || value instanceof Number || value instanceof String) {
      return value;
    }
    return Js.string(value);
  }

  /** JavaScript's {@code Number(value)} for a boolean, number or string. */
  private static double toNumber(Object value) {
    if (value instanceof Boolean) {
      return (Boolean) value ? 1 : 0;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    String text = Js.trim((String) value);
    if (text.isEmpty()) {
      return 0;
    }
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (RADIX.matcher(text).matches()) {
      char prefix = Character.toLowerCase(text.charAt(1));
      int radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
      return new BigInteger(text.substring(2), radix).doubleValue();
    }
    return Double.NaN;
  }
}

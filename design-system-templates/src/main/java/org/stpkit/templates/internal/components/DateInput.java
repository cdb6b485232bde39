package org.stpkit.templates.internal.components;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/date-input/template.njk}. */
final class DateInput implements Component {
  static final DateInput INSTANCE = new DateInput();

  /** The strings JavaScript's {@code Number(s)} reads as zero, once trimmed (the empty string too). */
  private static final Pattern ZERO =
      Pattern.compile("|[+-]?(0+\\.?0*|\\.0+)([eE][+-]?[0-9]+)?|0[xX]0+|0[bB]0+|0[oO]0+");

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject fieldset = params.object("fieldset");
    JsObject formGroup = params.object("formGroup");
    JsObject values = params.object("values");
    Object describedBy = fieldset.truthy("describedBy") ? fieldset.get("describedBy") : "";

    // `| default(...)`: only an undefined day, month or year takes the default; null is kept.
    Object day = Js.orDefault(params.get("day"),
        Js.object("name", "day", "value", values.get("day"), "classes", "govuk-input--width-2"));
    Object month = Js.orDefault(params.get("month"),
        Js.object("name", "month", "value", values.get("month"), "classes", "govuk-input--width-2"));
    Object year = Js.orDefault(params.get("year"),
        Js.object("name", "year", "value", values.get("year"), "classes", "govuk-input--width-4"));
    List<?> items = length(params.get("items")) > 0
        ? loopItems(params.get("items"))
        : Arrays.asList(day, month, year);

    boolean anyItemHasError = false;
    for (Object item : items) {
      if (hasError(JsObject.of(item))) {
        anyItemHasError = true;
      }
    }

    Html inner = new Html();
    if (params.truthy("hint")) {
      JsObject hint = params.object("hint");
      String hintId = params.string("id") + "-hint";
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
      JsObject errorMessage = params.object("errorMessage");
      String errorId = params.string("id") + "-error";
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
    inner.raw("<div class=\"govuk-date-input").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"));
    if (params.truthy("id")) {
      inner.attribute("id", params.get("id"));
    }
    inner.raw(">\n");
    if (formGroup.truthy("beforeInputs")) {
      inner.htmlOrText(formGroup.object("beforeInputs")).raw('\n');
    }
    for (Object item : items) {
      if (Js.truthy(item)) {
        item(params, item, anyItemHasError, day, month, year, inner);
        inner.raw('\n');
      }
    }
    if (formGroup.truthy("afterInputs")) {
      inner.htmlOrText(formGroup.object("afterInputs")).raw('\n');
    }
    inner.raw("</div>");

    out.raw("<div class=\"govuk-form-group");
    if (params.truthy("errorMessage")) {
      out.raw(" govuk-form-group--error");
    }
    out.spaceAndText(formGroup.get("classes")).raw('"').attributes(formGroup.get("attributes")).raw(">\n");
    if (params.truthy("fieldset")) {
      // The fieldset's role is 'group' because otherwise JAWS does not announce the description
      // for a fieldset of text inputs (govuk-frontend's own note).
      Fieldset.INSTANCE.render(JsObject.of(Js.object(
          "describedBy", describedBy,
          "classes", fieldset.get("classes"),
          "role", "group",
          "attributes", fieldset.get("attributes"),
          "legend", fieldset.get("legend"))), new Markup(inner.toString()), out);
    } else {
      out.raw(inner.toString());
    }
    out.raw("\n</div>");
  }

  /** The template's {@code _dateInputItem} macro: one input in its wrapper. */
  private static void item(JsObject params, Object rawItem, boolean anyItemHasError,
      Object day, Object month, Object year, Html out) {
    JsObject item = JsObject.of(rawItem);
    Object itemName = item.get("name");
    Object itemValue = item.get("value");
    int itemWidth = 2;
    String itemClasses = "";
    Object classes = item.get("classes");

    if (isDefaultItem(item, rawItem, "day", day)) {
      itemName = Js.orDefault(itemName, "day");
      itemValue = Js.orDefault(itemValue, JsObject.of(day).get("value"));
    } else if (isDefaultItem(item, rawItem, "month", month)) {
      itemName = Js.orDefault(itemName, "month");
      itemValue = Js.orDefault(itemValue, JsObject.of(month).get("value"));
    } else if (isDefaultItem(item, rawItem, "year", year)) {
      itemName = Js.orDefault(itemName, "year");
      itemValue = Js.orDefault(itemValue, JsObject.of(year).get("value"));
      itemWidth = 4;
    }

    if ((!Js.truthy(classes) || !in("govuk-input--error", classes))
        && (hasError(item) || (!looselyFalse(item.get("error")) && params.truthy("errorMessage") && !anyItemHasError))) {
      itemClasses = Js.trim(itemClasses + " govuk-input--error");
    }
    if (!Js.truthy(classes) || !in("govuk-input--width-", classes)) {
      itemClasses = Js.trim(itemClasses + " govuk-input--width-" + itemWidth);
    }
    if (Js.truthy(classes)) {
      itemClasses = Js.trim(itemClasses + " " + Js.string(classes));
    }
    String namePrefix = params.truthy("namePrefix") ? params.string("namePrefix") + "-" : "";
    String name = namePrefix + Js.string(itemName);

    out.raw("<div class=\"govuk-date-input__item\">\n");
    Input.INSTANCE.render(JsObject.of(Js.object(
        "label", Js.object(
            "text", item.truthy("label") ? item.get("label") : capitalize(itemName),
            "classes", "govuk-date-input__label"),
        "id", item.truthy("id") ? item.get("id") : params.string("id") + "-" + Js.string(itemName),
        "classes", "govuk-date-input__input" + (itemClasses.isEmpty() ? "" : " " + itemClasses),
        "name", name,
        "value", Js.orDefault(itemValue, params.object("values").get(name)),
        "type", "text",
        "inputmode", item.truthy("inputmode") ? item.get("inputmode") : "numeric",
        "autocomplete", item.get("autocomplete"),
        "pattern", item.get("pattern"),
        "attributes", item.get("attributes"))), null, out);
    out.raw("\n</div>");
  }

  /**
   * {@code item is sameas(defaultItem) or (item.name and item.name in [name, defaultItem.name])}:
   * whether the item is the day, month or year.
   */
  private static boolean isDefaultItem(JsObject item, Object rawItem, String name, Object defaultItem) {
    if (strictEquals(rawItem, defaultItem)) {
      return true;
    }
    Object itemName = item.get("name");
    return Js.truthy(itemName)
        && (strictEquals(itemName, name) || strictEquals(itemName, JsObject.of(defaultItem).get("name")));
  }

  /** {@code item.error or (item.classes and "govuk-input--error" in item.classes)}. */
  private static boolean hasError(JsObject item) {
    return item.truthy("error") || (item.truthy("classes") && in("govuk-input--error", item.get("classes")));
  }

  /** Nunjucks' {@code needle in haystack}: a substring of a string, an item of an array, a key of an object. */
  private static boolean in(String needle, @Nullable Object haystack) {
    if (haystack instanceof String) {
      return ((String) haystack).contains(needle);
    }
    if (haystack instanceof List) {
      for (Object candidate : (List<?>) haystack) {
        if (strictEquals(candidate, needle)) {
          return true;
        }
      }
      return false;
    }
    if (haystack instanceof Map) {
      return ((Map<?, ?>) haystack).containsKey(needle);
    }
    return false;
  }

  /** JavaScript's {@code a === b}: objects and arrays only equal themselves. */
  private static boolean strictEquals(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return true;
    }
    if (a instanceof String && b instanceof String) {
      return a.equals(b);
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof Boolean && b instanceof Boolean) {
      return a.equals(b);
    }
    return false;
  }

  /** JavaScript's {@code value == false}. */
  private static boolean looselyFalse(@Nullable Object value) {
    if (value instanceof Boolean) {
      return !(Boolean) value;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue() == 0;
    }
    if (value instanceof String || value instanceof Markup || value instanceof List) {
      return ZERO.matcher(Js.trim(Js.string(value))).matches();
    }
    return false;
  }

  /** Nunjucks' {@code capitalize} filter, which reads undefined, null and false as the empty string. */
  private static Object capitalize(@Nullable Object value) {
    if (Js.isNullish(value) || Boolean.FALSE.equals(value)) {
      return "";
    }
    String text = Js.string(value).toLowerCase(Locale.ROOT);
    String capitalized = text.isEmpty() ? "" : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    return value instanceof Markup ? new Markup(capitalized) : capitalized;
  }

  /** Nunjucks' {@code length} filter: of an array or string, or an object's key count; else 0. */
  private static int length(@Nullable Object value) {
    if (value instanceof List) {
      return ((List<?>) value).size();
    }
    if (value instanceof String) {
      return ((String) value).length();
    }
    if (value instanceof Markup) {
      return ((Markup) value).html().length();
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).size();
    }
    return 0;
  }

  /** What {@code {% for item in value %}} visits: an array's items or a string's characters; nothing for an object. */
  private static List<?> loopItems(@Nullable Object value) {
    if (value instanceof List) {
      return (List<?>) value;
    }
    String text = value instanceof String ? (String) value
        : value instanceof Markup ? ((Markup) value).html() : "";
    List<String> characters = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); i++) {
      characters.add(String.valueOf(text.charAt(i)));
    }
    return characters;
  }
}

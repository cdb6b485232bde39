package org.stpkit.templates.internal.components;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/date-input/template.njk}. */
final class DateInput implements Component {
  static final DateInput INSTANCE = new DateInput();

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
    List<?> items = Js.length(params.get("items")) > 0
        ? Js.iterable(params.get("items"))
        : Arrays.asList(day, month, year);

    boolean anyItemHasError = items.stream().anyMatch(item -> hasError(JsObject.of(item)));

    Html inner = new Html();
    describedBy = FormGroupParts.hintAndError(params, params.get("id"), describedBy, inner);
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

    FormGroupParts.open(params, out);
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

    if ((!Js.truthy(classes) || !Js.in("govuk-input--error", classes))
        && (hasError(item)
            || (!Js.looselyEquals(item.get("error"), false) && params.truthy("errorMessage") && !anyItemHasError))) {
      itemClasses = Js.trim(itemClasses + " govuk-input--error");
    }
    if (!Js.truthy(classes) || !Js.in("govuk-input--width-", classes)) {
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
    if (Js.strictlyEquals(rawItem, defaultItem)) {
      return true;
    }
    Object itemName = item.get("name");
    return Js.truthy(itemName)
        && (Js.strictlyEquals(itemName, name)
            || Js.strictlyEquals(itemName, JsObject.of(defaultItem).get("name")));
  }

  /** {@code item.error or (item.classes and "govuk-input--error" in item.classes)}. */
  private static boolean hasError(JsObject item) {
    return item.truthy("error") || (item.truthy("classes") && Js.in("govuk-input--error", item.get("classes")));
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
}

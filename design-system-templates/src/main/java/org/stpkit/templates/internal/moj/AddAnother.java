package org.stpkit.templates.internal.moj;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.components.ErrorMessage;
import org.stpkit.templates.internal.components.Fieldset;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/add-another/template.njk} and its {@code _itemTemplate.njk}: a
 * fieldset per item (its fields are the service's HTML), each with a remove button when there is
 * more than one, and an add button; MoJ's {@code moj-add-another} script adds and removes items
 * in the browser. The texts' {@code %{itemLabel}}, {@code %{number}} and {@code %{count}} are
 * filled in as MoJ's template fills them. As there, {@code id} is written into the markup unescaped.
 */
final class AddAnother implements Component {
  static final AddAnother INSTANCE = new AddAnother();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Object itemLabel = Js.or(params.get("itemLabel"), "Item");
    Object buttonText = Js.or(params.get("addAnotherButtonText"), "Add another %{itemLabel}");
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("data-module", "moj-add-another");
    attributes.put("data-item-label", itemLabel);
    attributes.put("data-layout", Js.object("value", params.get("layout"), "optional", true));
    out.raw("<div");
    if (params.truthy("id")) {
      out.raw(" id=\"").raw(Js.string(params.get("id"))).raw('"');
    }
    out.raw(" class=\"moj-add-another").spaceAndText(params.get("classes")).raw('"')
        .attributes(attributes)
        .i18nAttributes("remove-button-text", params.get("removeButtonText"))
        .i18nAttributes("remove-button-suffix-text", params.get("removeButtonSuffixText"))
        .i18nAttributes("item-legend-text", null, params.get("itemLegendText"))
        .i18nAttributes("field-label-suffix-text", params.get("fieldLabelSuffixText"))
        .i18nAttributes("new-item-suffix-text", params.get("newItemSuffixText"))
        .attributes(params.get("attributes"))
        .raw(">\n<div class=\"moj-add-another__items\">\n");
    List<?> items = Js.iterable(params.get("items"));
    for (int i = 0; i < items.size(); i++) {
      JsObject item = JsObject.of(items.get(i));
      if (item.object("fieldset").truthy("html")) {
        item(params, item, i + 1, out);
        out.raw('\n');
      }
    }
    boolean hasId = params.truthy("id");
    Object withLabel = Filters.replace(buttonText, "%{itemLabel}", itemLabel);
    out.raw("</div>\n<div class=\"moj-add-another__add-button-container\">\n");
    Button.INSTANCE.render(JsObject.of(Js.object(
        "id", hasId ? params.string("id") + "-add-another-button" : "",
        "name", hasId ? params.string("id") + "-add-another" : "",
        "value", hasId ? Filters.lower(Filters.replace(withLabel, " ", "-")) : "",
        "text", Filters.replace(buttonText, "%{itemLabel}", Filters.lower(itemLabel)),
        "classes", "govuk-button--secondary moj-add-another__add-button")), null, out);
    out.raw("\n</div>\n</div>");
  }

  /** {@code _itemTemplate.njk} for the item at {@code index} (from 1). */
  private static void item(JsObject params, JsObject item, int index, Html out) {
    JsObject fieldset = item.object("fieldset");
    JsObject legend = fieldset.object("legend");
    Object itemLabel = Js.or(params.get("itemLabel"), "Item");
    int count = Js.length(params.get("items"));
    boolean inline = Js.looselyEquals(params.get("layout"), "inline");
    String describedBy = fieldset.truthy("describedBy") ? Js.string(fieldset.get("describedBy")) : "";

    Object legendText = legendText(params, itemLabel, index, count);

    ClassNames classes = new ClassNames("moj-add-another__item");
    if (inline) {
      classes.concat("moj-add-another__item--inline");
    }
    classes.concatIfTruthy(item.get("classes"));
    ClassNames legendClasses = new ClassNames("moj-add-another__item-title govuk-fieldset__legend--m")
        .concatIfTruthy(legend.get("classes"));
    String errorId = null;
    if (item.truthy("errorMessage")) {
      errorId = params.string("id") + index + "-error";
      describedBy = describedBy.isEmpty() ? errorId : describedBy + " " + errorId;
      classes.concat("moj-add-another__item--error");
    }

    String content = content(item, inline, errorId, removeButton(params, item, index, itemLabel, count));

    out.raw("<div class=\"").text(classes.join()).raw("\" ").attributes(item.get("attributes")).raw('>');
    Fieldset.INSTANCE.render(JsObject.of(Js.object(
        "attributes", fieldset.get("attributes"),
        "classes", "moj-add-another__fieldset " + (fieldset.truthy("classes") ? Js.string(fieldset.get("classes")) : ""),
        "describedBy", describedBy,
        "html", content,
        "legend", Js.object(
            "text", legendText,
            "html", legend.get("html"),
            "classes", legendClasses.join(),
            "isPageHeading", false),
        "role", fieldset.get("role"))), null, out);
    out.raw("</div>");
  }

  /** The item's legend: {@code itemLegendText}'s one or other form, or "Item 2", filled in. */
  private static Object legendText(JsObject params, Object itemLabel, int index, int count) {
    Object legendTemplate = "%{itemLabel} %{number}";
    if (params.truthy("itemLegendText")) {
      JsObject legendText = params.object("itemLegendText");
      legendTemplate = Js.or(count == 1 ? legendText.get("one") : legendText.get("other"), legendTemplate);
    }
    return Filters.replace(Filters.replace(Filters.replace(
        legendTemplate, "%{itemLabel}", itemLabel), "%{number}", index), "%{count}", count);
  }

  /** Inside the item's fieldset: its fields and remove button, in a row with its error when inline. */
  private static String content(JsObject item, boolean inline, @Nullable String errorId, String removeButton) {
    JsObject fieldset = item.object("fieldset");
    Html content = new Html();
    content.raw("<div class=\"moj-add-another__item-container\">\n");
    if (inline) {
      content.raw("<div class=\"moj-add-another__item-row\">\n");
      if (errorId != null) {
        JsObject error = item.object("errorMessage");
        ErrorMessage.INSTANCE.render(JsObject.of(Js.object(
            "id", errorId, "classes", error.get("classes"), "attributes", error.get("attributes"),
            "html", error.get("html"), "text", error.get("text"),
            "visuallyHiddenText", error.get("visuallyHiddenText"))), null, content);
        content.raw('\n');
      }
      content.safe(fieldset.get("html")).raw("\n</div>\n").raw(removeButton);
    } else {
      content.raw(Js.string(fieldset.get("html")) + removeButton);
    }
    content.raw("\n</div>");
    return content.toString();
  }

  private static String removeButton(JsObject params, JsObject item, int index, Object itemLabel, int count) {
    Html button = new Html();
    button.raw("<div class=\"moj-add-another__remove-button-container\">\n");
    if (count > 1) {
      JsObject remove = item.object("removeButton");
      Object text = Filters.replace(Filters.replace(
          Js.or(params.get("removeButtonText"), "Remove %{itemLabel} %{number}"),
          "%{itemLabel}", Filters.lower(itemLabel)), "%{number}", index);
      Button.INSTANCE.render(JsObject.of(Js.object(
          "text", text,
          "classes", "govuk-button--secondary moj-add-another__remove-button",
          "name", item.truthy("removeButton") && remove.truthy("name") ? remove.get("name") : "remove",
          "value", item.truthy("removeButton") && remove.truthy("value") ? remove.get("value") : index - 1)), null, button);
      button.raw('\n');
    }
    button.raw("</div>");
    return button.toString();
  }
}

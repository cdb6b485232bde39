package org.stpkit.templates.internal.moj;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Input;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/date-picker/template.njk}: a govuk-frontend input that MoJ's
 * {@code moj-date-picker} script gives a calendar, configured by data attributes.
 */
final class DatePicker implements Component {
  static final DatePicker INSTANCE = new DatePicker();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("data-module", "moj-date-picker");
    attributes.put("data-min-date", optional(params.get("minDate")));
    attributes.put("data-max-date", optional(params.get("maxDate")));
    attributes.put("data-excluded-dates", optional(params.get("excludedDates")));
    attributes.put("data-excluded-days", optional(params.get("excludedDays")));
    // MoJ writes leadingZeros as a string, so that false still gives the attribute a value.
    attributes.put("data-leading-zeros",
        optional(params.isDefined("leadingZeros") ? Js.string(params.get("leadingZeros")) : null));
    attributes.put("data-week-start-day", optional(params.get("weekStartDay")));
    String classes = "moj-js-datepicker-input "
        + (params.truthy("classes") ? " " + Js.string(params.get("classes")) : "");
    out.raw("<div class=\"moj-datepicker\"").attributes(attributes).raw(">\n");
    Input.INSTANCE.render(JsObject.of(Js.object(
        "classes", classes,
        "id", params.get("id"),
        "name", params.get("name"),
        "value", params.get("value"),
        "autocomplete", "off",
        "formGroup", params.get("formGroup"),
        "label", params.get("label"),
        "hint", params.get("hint"),
        "errorMessage", params.get("errorMessage"),
        "attributes", params.get("attributes"))), null, out);
    out.raw("\n</div>");
  }

  private static Map<String, Object> optional(@Nullable Object value) {
    return Js.object("value", value, "optional", true);
  }
}

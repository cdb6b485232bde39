package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/accordion/template.njk}. */
final class Accordion implements Component {
  static final Accordion INSTANCE = new Accordion();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"govuk-accordion").spaceAndText(params.get("classes"))
        .raw("\" data-module=\"govuk-accordion\"").attribute("id", params.get("id"))
        .i18nAttributes("hide-all-sections", params.get("hideAllSectionsText"))
        .i18nAttributes("hide-section", params.get("hideSectionText"))
        .i18nAttributes("hide-section-aria-label", params.get("hideSectionAriaLabelText"))
        .i18nAttributes("show-all-sections", params.get("showAllSectionsText"))
        .i18nAttributes("show-section", params.get("showSectionText"))
        .i18nAttributes("show-section-aria-label", params.get("showSectionAriaLabelText"));
    // `!== undefined`: JSON null still writes the attribute, with an empty value.
    if (params.isDefined("rememberExpanded")) {
      out.attribute("data-remember-expanded", params.get("rememberExpanded"));
    }
    out.attributes(params.get("attributes")).raw(">\n");
    List<?> items = Js.iterable(params.get("items"));
    for (int i = 0; i < items.size(); i++) {
      if (Js.truthy(items.get(i))) {
        section(params, JsObject.of(items.get(i)), i + 1, out);
        out.raw('\n');
      }
    }
    out.raw("</div>");
  }

  private static void section(JsObject params, JsObject item, int index, Html out) {
    Object headingLevel = Js.or(params.get("headingLevel"), 2);
    JsObject summary = item.object("summary");
    JsObject content = item.object("content");
    out.raw("<div class=\"govuk-accordion__section");
    if (item.truthy("expanded")) {
      out.raw(" govuk-accordion__section--expanded");
    }
    out.raw("\">\n<div class=\"govuk-accordion__section-header\">\n<h").text(headingLevel)
        .raw(" class=\"govuk-accordion__section-heading\">\n<span class=\"govuk-accordion__section-button\" id=\"")
        .text(params.get("id")).raw("-heading-").raw(String.valueOf(index)).raw("\">\n")
        .htmlOrText(item.object("heading"))
        .raw("\n</span>\n</h").text(headingLevel).raw(">\n");
    if (summary.truthy("html") || summary.truthy("text")) {
      out.raw("<div class=\"govuk-accordion__section-summary govuk-body\" id=\"")
          .text(params.get("id")).raw("-summary-").raw(String.valueOf(index)).raw("\">\n")
          .htmlOrText(summary).raw("\n</div>\n");
    }
    out.raw("</div>\n<div id=\"").text(params.get("id")).raw("-content-").raw(String.valueOf(index))
        .raw("\" class=\"govuk-accordion__section-content\">\n");
    if (content.truthy("html")) {
      out.safeTrimmed(content.get("html")).raw('\n');
    } else if (content.truthy("text")) {
      out.raw("<p class=\"govuk-body\">\n").textTrimmed(content.get("text")).raw("\n</p>\n");
    }
    out.raw("</div>\n</div>");
  }
}

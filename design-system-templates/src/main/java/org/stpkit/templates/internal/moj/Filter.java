package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/filter/template.njk}: selected filters as removable tags, then the options. */
final class Filter implements Component {
  static final Filter INSTANCE = new Filter();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"moj-filter\" data-module=\"moj-filter\"").attributeLoop(params.get("attributes"))
        .raw(">\n<div class=\"moj-filter__header\">\n<div class=\"moj-filter__header-title\">\n")
        .raw("<h2 class=\"govuk-heading-m\">").htmlOrTextUntrimmed(params.object("heading")).raw("</h2>\n</div>\n")
        .raw("<div class=\"moj-filter__header-action\">\n</div>\n</div>\n<div class=\"moj-filter__content\">\n");
    if (params.truthy("selectedFilters")) {
      selected(params.object("selectedFilters"), out);
    }
    JsObject submit = params.object("submit");
    out.raw("<div class=\"moj-filter__options\">\n");
    Button.INSTANCE.render(JsObject.of(Js.object(
        "text", submit.truthy("text") ? submit.get("text") : "Apply filters",
        "attributes", submit.get("attributes"))), null, out);
    out.raw('\n').safe(params.get("optionsHtml")).raw("\n</div>\n</div>\n</div>");
  }

  private static void selected(JsObject selected, Html out) {
    JsObject clearLink = selected.object("clearLink");
    out.raw("<div class=\"moj-filter__selected\">\n<div class=\"moj-filter__selected-heading\">\n")
        .raw("<div class=\"moj-filter__heading-title\">\n<h2 class=\"govuk-heading-m\">")
        .htmlOrTextUntrimmed(selected.object("heading")).raw("</h2>\n</div>\n")
        .raw("<div class=\"moj-filter__heading-action\">\n<p><a class=\"govuk-link govuk-link--no-visited-state\"")
        .attribute("href", clearLink.get("href")).raw('>').text(clearLink.get("text")).raw("</a></p>\n</div>\n</div>\n");
    for (Object value : Js.iterable(selected.get("categories"))) {
      JsObject category = JsObject.of(value);
      out.raw("<h3 class=\"govuk-heading-s govuk-!-margin-bottom-0\">").htmlOrTextUntrimmed(category.object("heading"))
          .raw("</h3>\n<ul class=\"moj-filter-tags\">\n");
      for (Object itemValue : Js.iterable(category.get("items"))) {
        JsObject item = JsObject.of(itemValue);
        out.raw("<li><a class=\"moj-filter__tag\"").attribute("href", item.get("href"))
            .raw("><span class=\"govuk-visually-hidden\">Remove this filter</span> ").text(item.get("text"))
            .raw("</a></li>\n");
      }
      out.raw("</ul>\n");
    }
    out.raw("</div>\n");
  }
}

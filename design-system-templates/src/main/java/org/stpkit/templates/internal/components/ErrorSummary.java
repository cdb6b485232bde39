package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/error-summary/template.njk}. */
final class ErrorSummary implements Component {
  static final ErrorSummary INSTANCE = new ErrorSummary();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div class=\"govuk-error-summary").spaceAndText(params.get("classes")).raw('"');
    if (params.isDefined("disableAutoFocus")) {
      out.attribute("data-disable-auto-focus", params.get("disableAutoFocus"));
    }
    // role="alert" is on a child container to avoid a race between the focusing JavaScript and
    // the alert, which would make screen readers miss part of the announcement.
    out.attributes(params.get("attributes")).raw(" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n")
        .raw("<h2 class=\"govuk-error-summary__title\">\n")
        .htmlOrText(params.get("titleHtml"), params.get("titleText"))
        .raw("\n</h2>\n<div class=\"govuk-error-summary__body\">\n");
    if (caller != null || params.truthy("descriptionHtml") || params.truthy("descriptionText")) {
      out.raw("<p>\n");
      if (caller != null) {
        out.raw(caller.html());
      } else {
        out.htmlOrText(params.get("descriptionHtml"), params.get("descriptionText"));
      }
      out.raw("\n</p>\n");
    }
    Object errorList = params.get("errorList");
    if (Js.length(errorList) > 0) {
      out.raw("<ul class=\"govuk-list govuk-error-summary__list\">\n");
      for (Object errorItem : Js.iterable(errorList)) {
        JsObject item = JsObject.of(errorItem);
        out.raw("<li>\n");
        if (item.truthy("href")) {
          out.raw("<a").attribute("href", item.get("href")).attributes(item.get("attributes")).raw('>')
              .htmlOrText(item)
              .raw("</a>");
        } else {
          out.htmlOrText(item);
        }
        out.raw("\n</li>\n");
      }
      out.raw("</ul>\n");
    }
    out.raw("</div>\n</div>\n</div>");
  }
}

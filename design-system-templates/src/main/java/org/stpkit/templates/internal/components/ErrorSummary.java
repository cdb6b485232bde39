package org.stpkit.templates.internal.components;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
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
    if (length(errorList) > 0) {
      out.raw("<ul class=\"govuk-list govuk-error-summary__list\">\n");
      for (Object errorItem : loopItems(errorList)) {
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
    String[] characters = new String[text.length()];
    for (int i = 0; i < characters.length; i++) {
      characters[i] = String.valueOf(text.charAt(i));
    }
    return List.of(characters);
  }
}

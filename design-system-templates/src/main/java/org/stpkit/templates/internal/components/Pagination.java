package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/pagination/template.njk}. */
public final class Pagination implements Component {
  public static final Pagination INSTANCE = new Pagination();

  private static final String ARROW_PREVIOUS = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\""
      + " xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\""
      + " viewBox=\"0 0 15 13\">\n<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984"
      + "l4.2931-4.293-1.414-1.414z\"></path>\n</svg>";

  private static final String ARROW_NEXT = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\""
      + " xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\""
      + " viewBox=\"0 0 15 13\">\n<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492"
      + " 6.7441-6.4062-6.7246-6.7266z\"></path>\n</svg>";

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    boolean blockLevel = !params.truthy("items") && (params.truthy("next") || params.truthy("previous"));
    JsObject previous = params.object("previous");
    JsObject next = params.object("next");

    out.raw("<nav class=\"govuk-pagination");
    if (blockLevel) {
      out.raw(" govuk-pagination--block");
    }
    out.spaceAndText(params.get("classes")).raw('"')
        .attribute("aria-label", Js.or(params.get("landmarkLabel"), "Pagination"))
        .attributes(params.get("attributes")).raw(">\n");
    if (previous.truthy("href")) {
      arrowLink(previous, "prev", "Previous", blockLevel, out);
      out.raw('\n');
    }
    if (params.truthy("items")) {
      out.raw("<ul class=\"govuk-pagination__list\">\n");
      for (Object item : Js.iterable(params.get("items"))) {
        if (Js.length(item) > 0) {
          pageItem(JsObject.of(item), out);
          out.raw('\n');
        }
      }
      out.raw("</ul>\n");
    }
    if (next.truthy("href")) {
      arrowLink(next, "next", "Next", blockLevel, out);
      out.raw('\n');
    }
    out.raw("</nav>");
  }

  private static void arrowLink(JsObject link, String type, String defaultTitle, boolean blockLevel, Html out) {
    String arrow = type.equals("prev") ? ARROW_PREVIOUS : ARROW_NEXT;
    out.raw("<div class=\"govuk-pagination__").raw(type).raw("\">\n<a class=\"govuk-link govuk-pagination__link\"")
        .attribute("href", link.get("href")).attribute("rel", type)
        .attributes(link.get("attributes")).raw(">\n");
    if (blockLevel || type.equals("prev")) {
      out.raw(arrow).raw('\n');
    }
    out.raw("<span class=\"govuk-pagination__link-title");
    if (blockLevel && !link.truthy("labelText")) {
      out.raw(" govuk-pagination__link-title--decorated");
    }
    out.raw("\">\n");
    // The title is the caller() of the Nunjucks macro, printed with | trim.
    int start = out.length();
    if (link.truthy("html") || link.truthy("text")) {
      out.htmlOrText(link);
    } else {
      out.raw(defaultTitle).raw("<span class=\"govuk-visually-hidden\"> page</span>");
    }
    out.raw(Js.trim(out.cut(start))).raw("\n</span>\n");
    if (link.truthy("labelText") && blockLevel) {
      out.raw("<span class=\"govuk-visually-hidden\">:</span>\n<span class=\"govuk-pagination__link-label\">")
          .text(link.get("labelText")).raw("</span>\n");
    }
    if (!blockLevel && type.equals("next")) {
      out.raw(arrow).raw('\n');
    }
    out.raw("</a>\n</div>");
  }

  private static void pageItem(JsObject item, Html out) {
    out.raw("<li class=\"govuk-pagination__item");
    if (item.truthy("current")) {
      out.raw(" govuk-pagination__item--current");
    }
    if (item.truthy("ellipsis")) {
      out.raw(" govuk-pagination__item--ellipsis\">\n&ctdot;\n</li>");
      return;
    }
    out.raw("\">\n<a class=\"govuk-link govuk-pagination__link\"")
        .attribute("href", item.get("href"))
        .attribute("aria-label", Js.orDefault(item.get("visuallyHiddenText"), "Page " + item.string("number")));
    if (item.truthy("current")) {
      out.raw(" aria-current=\"page\"");
    }
    out.attributes(item.get("attributes")).raw(">\n").text(item.get("number")).raw("\n</a>\n</li>");
  }
}

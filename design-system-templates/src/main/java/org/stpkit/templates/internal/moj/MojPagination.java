package org.stpkit.templates.internal.moj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Pagination;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/pagination/template.njk}: MoJ's items ({@code text},
 * {@code selected}, {@code type: "dots"}) turned into govuk-frontend's pagination, which it renders
 * when there is more than one page, then a line of results ("Showing 11 to 20 of 28 total results").
 */
final class MojPagination implements Component {
  static final MojPagination INSTANCE = new MojPagination();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    List<Object> items = new ArrayList<>();
    if (params.truthy("items")) {
      for (Object value : Js.iterable(params.get("items"))) {
        JsObject item = JsObject.of(value);
        if (Js.strictlyEquals(item.get("type"), "dots") || item.truthy("ellipsis")) {
          items.add(Map.of("ellipsis", true));
        } else {
          items.add(Js.object(
              "number", item.truthy("number") ? item.get("number") : item.get("text"),
              "href", item.get("href"),
              "current", item.truthy("current") ? item.get("current") : item.get("selected")));
        }
      }
    }
    out.raw("<div class=\"moj-pagination\">\n");
    if (items.size() > 1) {
      Pagination.INSTANCE.render(JsObject.of(Js.object(
          "items", items,
          "previous", params.get("previous"),
          "next", params.get("next"),
          "landmarkLabel", params.get("landmarkLabel"),
          "classes", "moj-pagination__pagination " + (params.truthy("classes") ? Js.string(params.get("classes")) : ""),
          "attributes", params.get("attributes"))), null, out);
      out.raw('\n');
    }
    if (params.truthy("results")) {
      String results = results(params.object("results"), !items.isEmpty());
      if (!results.isEmpty()) {
        out.raw("<p class=\"moj-pagination__results\">").text(results).raw("</p>\n");
      }
    }
    out.raw("</div>");
  }

  private static String results(JsObject results, boolean hasPages) {
    String term = Js.string(Js.orDefault(results.get("text"), "results"));
    JsObject pages = results.object("pages");
    if (!hasPages) {
      return results.truthy("count") ? results.string("count") + " total " + term : "";
    }
    if (pages.truthy("current") && pages.truthy("count")) {
      return "Page " + pages.string("current") + " of " + pages.string("count");
    }
    if (results.truthy("from") && results.truthy("to")) {
      return results.truthy("count")
          ? "Showing " + results.string("from") + " to " + results.string("to") + " of " + results.string("count")
              + " total " + term
          : "Showing " + term + " " + results.string("from") + " to " + results.string("to");
    }
    return results.truthy("count") ? results.string("count") + " total " + term : "";
  }
}

package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/tabs/template.njk}. */
final class Tabs implements Component {
  static final Tabs INSTANCE = new Tabs();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    // `params.idPrefix if params.idPrefix` has no else, so it gives "" when falsy.
    String idPrefix = params.truthy("idPrefix") ? params.string("idPrefix") : "";
    out.raw("<div");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"govuk-tabs").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(" data-module=\"govuk-tabs\">\n<h2 class=\"govuk-tabs__title\">\n")
        .text(Js.orDefault(params.get("title"), "Contents")).raw("\n</h2>\n");
    Object items = params.get("items");
    if (Js.length(items) > 0) {
      List<?> loop = Js.iterable(items);
      out.raw("<ul class=\"govuk-tabs__list\">\n");
      for (int i = 0; i < loop.size(); i++) {
        if (Js.truthy(loop.get(i))) {
          listItem(JsObject.of(loop.get(i)), idPrefix, i + 1, out);
          out.raw('\n');
        }
      }
      out.raw("</ul>\n");
      for (int i = 0; i < loop.size(); i++) {
        if (Js.truthy(loop.get(i))) {
          panel(JsObject.of(loop.get(i)), idPrefix, i + 1, out);
          out.raw('\n');
        }
      }
    }
    out.raw("</div>");
  }

  private static void listItem(JsObject item, String idPrefix, int index, Html out) {
    out.raw("<li class=\"govuk-tabs__list-item");
    if (index == 1) {
      out.raw(" govuk-tabs__list-item--selected");
    }
    out.raw("\">\n<a class=\"govuk-tabs__tab\" href=\"#").text(panelId(item, idPrefix, index)).raw('"')
        .attributes(item.get("attributes")).raw(">\n")
        .text(item.get("label")).raw("\n</a>\n</li>");
  }

  private static void panel(JsObject item, String idPrefix, int index, Html out) {
    JsObject panel = item.object("panel");
    out.raw("<div class=\"govuk-tabs__panel");
    if (index > 1) {
      out.raw(" govuk-tabs__panel--hidden");
    }
    out.raw('"').attribute("id", panelId(item, idPrefix, index))
        .attributes(panel.get("attributes")).raw(">\n");
    if (panel.truthy("html")) {
      out.safeTrimmed(panel.get("html")).raw('\n');
    } else if (panel.truthy("text")) {
      out.raw("<p class=\"govuk-body\">").text(panel.get("text")).raw("</p>\n");
    }
    out.raw("</div>");
  }

  private static @Nullable Object panelId(JsObject item, String idPrefix, int index) {
    return item.truthy("id") ? item.get("id") : idPrefix + "-" + index;
  }
}

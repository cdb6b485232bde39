package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/table/template.njk}. */
final class Table implements Component {
  static final Table INSTANCE = new Table();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<table class=\"govuk-table").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n");
    if (params.truthy("caption")) {
      out.raw("<caption class=\"govuk-table__caption").spaceAndText(params.get("captionClasses")).raw("\">")
          .text(params.get("caption")).raw("</caption>\n");
    }
    if (params.truthy("head")) {
      out.raw("<thead class=\"govuk-table__head\">\n<tr class=\"govuk-table__row\">\n");
      for (Object headItem : Js.iterable(params.get("head"))) {
        JsObject item = JsObject.of(headItem);
        out.raw("<th scope=\"col\" class=\"govuk-table__header");
        if (item.truthy("format")) {
          out.raw(" govuk-table__header--").text(item.get("format"));
        }
        out.spaceAndText(item.get("classes")).raw('"');
        spans(item, out);
        out.attributes(item.get("attributes")).raw('>').htmlOrTextUntrimmed(item).raw("</th>\n");
      }
      out.raw("</tr>\n</thead>\n");
    }
    out.raw("<tbody class=\"govuk-table__body\">\n");
    boolean firstCellIsHeader = params.truthy("firstCellIsHeader");
    for (Object row : Js.iterable(params.get("rows"))) {
      if (!Js.truthy(row)) {
        continue;
      }
      out.raw("<tr class=\"govuk-table__row\">\n");
      boolean first = true;
      for (Object rowCell : Js.iterable(row)) {
        JsObject cell = JsObject.of(rowCell);
        if (first && firstCellIsHeader) {
          out.raw("<th scope=\"row\" class=\"govuk-table__header").spaceAndText(cell.get("classes")).raw('"');
          spans(cell, out);
          out.attributes(cell.get("attributes")).raw('>').htmlOrTextUntrimmed(cell).raw("</th>\n");
        } else {
          out.raw("<td class=\"govuk-table__cell");
          if (cell.truthy("format")) {
            out.raw(" govuk-table__cell--").text(cell.get("format"));
          }
          out.spaceAndText(cell.get("classes")).raw('"');
          spans(cell, out);
          out.attributes(cell.get("attributes")).raw('>').htmlOrTextUntrimmed(cell).raw("</td>\n");
        }
        first = false;
      }
      out.raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>");
  }

  private static void spans(JsObject cell, Html out) {
    if (cell.truthy("colspan")) {
      out.attribute("colspan", cell.get("colspan"));
    }
    if (cell.truthy("rowspan")) {
      out.attribute("rowspan", cell.get("rowspan"));
    }
  }
}

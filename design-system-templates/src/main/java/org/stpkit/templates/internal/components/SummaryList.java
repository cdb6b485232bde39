package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/summary-list/template.njk}. */
final class SummaryList implements Component {
  static final SummaryList INSTANCE = new SummaryList();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    List<?> rows = Js.iterable(params.get("rows"));
    // Whether any row has actions decides between two and three columns.
    boolean anyRowHasActions = false;
    for (Object row : rows) {
      if (Js.length(JsObject.of(row).object("actions").get("items")) > 0) {
        anyRowHasActions = true;
      }
    }
    JsObject card = params.object("card");
    Object cardTitle = card.get("title");

    if (params.truthy("card")) {
      cardStart(card, out);
      summaryList(params, rows, anyRowHasActions, cardTitle, out);
      out.raw("\n</div>\n</div>");
    } else {
      summaryList(params, rows, anyRowHasActions, cardTitle, out);
    }
  }

  private static void summaryList(JsObject params, List<?> rows, boolean anyRowHasActions,
      @Nullable Object cardTitle, Html out) {
    out.raw("<dl class=\"govuk-summary-list").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw('>');
    for (Object rowValue : rows) {
      if (!Js.truthy(rowValue)) {
        continue;
      }
      JsObject row = JsObject.of(rowValue);
      JsObject key = row.object("key");
      JsObject value = row.object("value");
      JsObject actions = row.object("actions");
      List<?> actionItems = Js.iterable(actions.get("items"));
      out.raw("\n<div class=\"govuk-summary-list__row");
      if (anyRowHasActions && !actions.truthy("items")) {
        out.raw(" govuk-summary-list__row--no-actions");
      }
      out.spaceAndText(row.get("classes")).raw("\">\n");
      out.raw("<dt class=\"govuk-summary-list__key").spaceAndText(key.get("classes")).raw("\">\n")
          .htmlOrText(key).raw("\n</dt>\n");
      out.raw("<dd class=\"govuk-summary-list__value").spaceAndText(value.get("classes")).raw("\">\n")
          .htmlOrText(value).raw("\n</dd>");
      if (!actionItems.isEmpty()) {
        out.raw("\n<dd class=\"govuk-summary-list__actions").spaceAndText(actions.get("classes")).raw("\">\n");
        if (actionItems.size() == 1) {
          actionLink(JsObject.of(actionItems.get(0)), cardTitle, out);
        } else {
          out.raw("<ul class=\"govuk-summary-list__actions-list\">");
          for (Object action : actionItems) {
            out.raw("\n<li class=\"govuk-summary-list__actions-list-item\">\n");
            actionLink(JsObject.of(action), cardTitle, out);
            out.raw("\n</li>");
          }
          out.raw("\n</ul>");
        }
        out.raw("\n</dd>");
      }
      out.raw("\n</div>");
    }
    out.raw("\n</dl>");
  }

  /** The card's {@code _summaryCard} macro up to its content, which the caller writes and closes. */
  private static void cardStart(JsObject card, Html out) {
    JsObject title = card.object("title");
    JsObject actions = card.object("actions");
    List<?> actionItems = Js.iterable(actions.get("items"));
    Object headingLevel = title.truthy("headingLevel") ? title.get("headingLevel") : 2;
    out.raw("<div class=\"govuk-summary-card").spaceAndText(card.get("classes")).raw('"')
        .attributes(card.get("attributes")).raw(">\n<div class=\"govuk-summary-card__title-wrapper\">");
    if (card.truthy("title")) {
      out.raw("\n<h").text(headingLevel).raw(" class=\"govuk-summary-card__title")
          .spaceAndText(title.get("classes")).raw("\">\n").htmlOrText(title)
          .raw("\n</h").text(headingLevel).raw('>');
    }
    if (!actionItems.isEmpty()) {
      if (actionItems.size() == 1) {
        out.raw("\n<div class=\"govuk-summary-card__actions").spaceAndText(actions.get("classes")).raw("\">\n");
        actionLink(JsObject.of(actionItems.get(0)), card.get("title"), out);
        out.raw("\n</div>");
      } else {
        out.raw("\n<ul class=\"govuk-summary-card__actions").spaceAndText(actions.get("classes")).raw("\">");
        for (Object action : actionItems) {
          out.raw("\n<li class=\"govuk-summary-card__action\">\n");
          actionLink(JsObject.of(action), card.get("title"), out);
          out.raw("\n</li>");
        }
        out.raw("\n</ul>");
      }
    }
    out.raw("\n</div>\n<div class=\"govuk-summary-card__content\">\n");
  }

  /** The {@code _actionLink} macro: no whitespace inside the link, where it would show. */
  private static void actionLink(JsObject action, @Nullable Object cardTitle, Html out) {
    out.raw("<a class=\"govuk-link").spaceAndText(action.get("classes")).raw('"')
        .attribute("href", action.get("href")).attributes(action.get("attributes")).raw('>')
        .htmlOrTextUntrimmed(action);
    if (action.truthy("visuallyHiddenText") || Js.truthy(cardTitle)) {
      out.raw("<span class=\"govuk-visually-hidden\">");
      if (action.truthy("visuallyHiddenText")) {
        out.raw(' ').text(action.get("visuallyHiddenText"));
      }
      if (Js.truthy(cardTitle)) {
        out.raw(" (").htmlOrTextUntrimmed(JsObject.of(cardTitle)).raw(')');
      }
      out.raw("</span>");
    }
    out.raw("</a>");
  }
}

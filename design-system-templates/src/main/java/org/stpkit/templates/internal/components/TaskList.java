package org.stpkit.templates.internal.components;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/task-list/template.njk}. */
final class TaskList implements Component {
  static final TaskList INSTANCE = new TaskList();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    String idPrefix = Js.string(Js.or(params.get("idPrefix"), "task-list"));
    out.raw("<ul class=\"govuk-task-list").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw('>');
    List<?> items = params.array("items");
    for (int i = 0; i < items.size(); i++) {
      if (Js.truthy(items.get(i))) {
        out.raw('\n');
        item(JsObject.of(items.get(i)), idPrefix, i + 1, out);
      }
    }
    out.raw("\n</ul>");
  }

  private static void item(JsObject item, String idPrefix, int index, Html out) {
    String hintId = idPrefix + "-" + index + "-hint";
    String statusId = idPrefix + "-" + index + "-status";
    JsObject title = item.object("title");
    JsObject hint = item.object("hint");
    JsObject status = item.object("status");
    out.raw("<li class=\"govuk-task-list__item");
    if (item.truthy("href")) {
      out.raw(" govuk-task-list__item--with-link");
    }
    out.spaceAndText(item.get("classes")).raw("\">\n<div class=\"govuk-task-list__name-and-hint\">\n");
    if (item.truthy("href")) {
      out.raw("<a class=\"govuk-link govuk-task-list__link").spaceAndText(title.get("classes")).raw('"')
          .attribute("href", item.get("href"))
          .attribute("aria-describedby", (item.truthy("hint") ? hintId + " " : "") + statusId)
          .raw(">\n").htmlOrText(title).raw("\n</a>");
    } else {
      out.raw("<div");
      if (title.truthy("classes")) {
        out.attribute("class", title.get("classes"));
      }
      out.raw(">\n").htmlOrText(title).raw("\n</div>");
    }
    if (item.truthy("hint")) {
      out.raw("\n<div").attribute("id", hintId).raw(" class=\"govuk-task-list__hint\">\n")
          .htmlOrText(hint).raw("\n</div>");
    }
    out.raw("\n</div>\n<div class=\"govuk-task-list__status").spaceAndText(status.get("classes")).raw('"')
        .attribute("id", statusId).raw(">\n");
    if (status.truthy("tag")) {
      Tag.INSTANCE.render(status.object("tag"), null, out);
    } else {
      out.htmlOrText(status);
    }
    out.raw("\n</div>\n</li>");
  }
}

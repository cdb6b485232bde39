package org.stpkit.templates.internal.moj;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Tag;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/task-list/template.njk}: numbered sections of tasks, complete ones tagged. */
final class TaskList implements Component {
  static final TaskList INSTANCE = new TaskList();

  private static final JsObject COMPLETED = JsObject.of(Map.of("text", "completed", "classes", "moj-task-list__task-completed"));

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<ol class=\"moj-task-list").spaceAndText(params.get("classes")).raw('"')
        .attributeLoop(params.get("attributes")).raw(">\n");
    List<?> sections = Js.iterable(params.get("sections"));
    for (int i = 0; i < sections.size(); i++) {
      JsObject section = JsObject.of(sections.get(i));
      JsObject heading = section.object("heading");
      String level = Js.string(Js.orDefault(heading.get("headingLevel"), 2));
      out.raw("<li").attributeLoop(section.get("attributes")).raw(">\n<h").text(level)
          .raw(" class=\"moj-task-list__section").spaceAndText(heading.get("classes")).raw('"')
          .attributeLoop(heading.get("attributes"))
          .raw(">\n<span class=\"moj-task-list__section-number\">").raw(Integer.toString(i + 1)).raw(". </span>")
          .htmlOrTextUntrimmed(heading)
          .raw("</h").text(level).raw(">\n<ul class=\"moj-task-list__items\">\n");
      for (Object value : Js.iterable(section.get("items"))) {
        JsObject item = JsObject.of(value);
        out.raw("<li class=\"moj-task-list__item\"").attributeLoop(item.get("attributes"))
            .raw(">\n<a class=\"moj-task-list__task-name\"").attribute("href", item.get("href")).raw('>')
            .htmlOrTextUntrimmed(item).raw("</a>");
        if (item.truthy("complete")) {
          out.raw('\n');
          Tag.INSTANCE.render(COMPLETED, null, out);
          out.raw('\n');
        }
        out.raw("</li>\n");
      }
      out.raw("</ul>\n</li>\n");
    }
    out.raw("</ol>");
  }
}

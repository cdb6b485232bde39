package org.stpkit.templates.internal.moj;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/progress-bar/template.njk}. */
final class ProgressBar implements Component {
  static final ProgressBar INSTANCE = new ProgressBar();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div").attribute("id", Js.orDefault(params.get("id"), "progress"))
        .raw(" class=\"moj-progress-bar").spaceAndText(params.get("classes")).raw('"');
    if (params.truthy("label")) {
      out.attribute("aria-label", params.get("label"));
    }
    out.attributeLoop(params.get("attributes")).raw(">\n<ol class=\"moj-progress-bar__list\">\n");
    List<?> items = Js.iterable(params.get("items"));
    for (int i = 0; i < items.size(); i++) {
      JsObject item = JsObject.of(items.get(i));
      JsObject label = item.object("label");
      out.raw("<li").attribute("id", Js.orDefault(item.get("id"), "progress-item-" + (i + 1)))
          .raw(" class=\"moj-progress-bar__item").spaceAndText(item.get("classes")).raw('"');
      if (item.truthy("active")) {
        out.raw(" aria-current=\"step\"");
      }
      out.attributeLoop(item.get("attributes")).raw(">\n<span class=\"moj-progress-bar__icon");
      if (item.truthy("complete")) {
        out.raw(" moj-progress-bar__icon--complete");
      }
      out.raw("\"></span>\n<span class=\"moj-progress-bar__label").spaceAndText(label.get("classes")).raw("\">")
          .htmlOrTextUntrimmed(label)
          .raw("</span>\n</li>\n");
    }
    out.raw("</ol>\n</div>");
  }
}

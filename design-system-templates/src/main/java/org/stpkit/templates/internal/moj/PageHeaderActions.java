package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.components.Button;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/page-header-actions/template.njk}: a heading with govuk-frontend buttons beside it. */
final class PageHeaderActions implements Component {
  static final PageHeaderActions INSTANCE = new PageHeaderActions();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject heading = params.object("heading");
    String level = Js.string(Js.orDefault(heading.get("level"), 1));
    out.raw("<div class=\"moj-page-header-actions").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"))
        .raw(">\n<div class=\"moj-page-header-actions__title\">\n<h").text(level)
        .attribute("class", Js.orDefault(heading.get("classes"), "govuk-heading-xl")).raw('>')
        .htmlOrTextUntrimmed(heading)
        .raw("</h").text(level).raw(">\n</div>\n");
    if (params.truthy("items")) {
      out.raw("<div class=\"moj-page-header-actions__actions\">\n<div class=\"moj-button-group moj-button-group--inline\">\n");
      for (Object button : Js.iterable(params.get("items"))) {
        Button.INSTANCE.render(JsObject.of(button), null, out);
        out.raw('\n');
      }
      out.raw("</div>\n</div>\n");
    }
    out.raw("</div>");
  }
}

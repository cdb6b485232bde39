package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/phase-banner/template.njk}. */
final class PhaseBanner implements Component {
  static final PhaseBanner INSTANCE = new PhaseBanner();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject tag = params.object("tag");
    out.raw("<div class=\"govuk-phase-banner govuk-width-container").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n<p class=\"govuk-phase-banner__content\">\n");
    Tag.INSTANCE.render(JsObject.of(Js.object(
        "text", tag.get("text"),
        "html", tag.get("html"),
        "classes", "govuk-phase-banner__content__tag"
            + (tag.truthy("classes") ? " " + tag.string("classes") : ""))), null, out);
    out.raw("\n<span class=\"govuk-phase-banner__text\">\n").htmlOrText(params)
        .raw("\n</span>\n</p>\n</div>");
  }
}

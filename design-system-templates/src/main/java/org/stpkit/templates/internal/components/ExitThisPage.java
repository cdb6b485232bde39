package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/exit-this-page/template.njk}. */
final class ExitThisPage implements Component {
  static final ExitThisPage INSTANCE = new ExitThisPage();

  private static final String DEFAULT_HTML = "<span class=\"govuk-visually-hidden\">Emergency</span> Exit this page";

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<div");
    if (params.truthy("id")) {
      out.attribute("id", params.get("id"));
    }
    out.raw(" class=\"govuk-exit-this-page").spaceAndText(params.get("classes"))
        .raw("\" data-module=\"govuk-exit-this-page\"").attributes(params.get("attributes"));
    i18nAttribute(params, "activatedText", "activated", out);
    i18nAttribute(params, "timedOutText", "timed-out", out);
    i18nAttribute(params, "pressTwoMoreTimesText", "press-two-more-times", out);
    i18nAttribute(params, "pressOneMoreTimeText", "press-one-more-time", out);
    out.raw(">\n");
    Button.INSTANCE.render(JsObject.of(Js.object(
        "html", params.truthy("html") || params.truthy("text") ? params.get("html") : DEFAULT_HTML,
        "text", params.get("text"),
        "classes", "govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button",
        "href", Js.or(params.get("redirectUrl"), "https://www.bbc.co.uk/weather"),
        "attributes", Js.object("rel", "nofollow noreferrer"))), null, out);
    out.raw("\n</div>");
  }

  private static void i18nAttribute(JsObject params, String param, String key, Html out) {
    if (params.truthy(param)) {
      out.attribute("data-i18n." + key, params.get(param));
    }
  }
}

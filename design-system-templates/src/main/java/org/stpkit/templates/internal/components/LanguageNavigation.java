package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/language-navigation/template.njk}. */
final class LanguageNavigation implements Component {
  static final LanguageNavigation INSTANCE = new LanguageNavigation();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<nav class=\"govuk-language-navigation").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes"))
        .attribute("aria-label", Js.orDefault(params.get("ariaLabel"), "Language"))
        .raw(">\n<ul class=\"govuk-language-navigation__list\">");
    for (Object entry : Js.iterable(params.get("items"))) {
      JsObject item = JsObject.of(entry);
      out.raw("\n<li class=\"govuk-language-navigation__list-item\">\n");
      if (item.truthy("current") || !item.truthy("href")) {
        out.raw("<span class=\"govuk-language-navigation__text").spaceAndText(item.get("classes"))
            .raw("\"\naria-current=\"true\"");
        if (item.truthy("lang")) {
          out.attribute("lang", item.get("lang"));
        }
        if (item.truthy("dir")) {
          out.attribute("dir", item.get("dir"));
        }
        out.attributes(item.get("attributes")).raw('>').htmlOrTextUntrimmed(item).raw("</span>");
      } else {
        out.raw("<a class=\"govuk-language-navigation__link").spaceAndText(item.get("classes")).raw('"')
            .attribute("href", item.get("href")).raw(" rel=\"alternate\"");
        if (item.truthy("lang")) {
          out.attribute("lang", item.get("lang"));
        }
        if (item.truthy("hrefLang") || item.truthy("lang")) {
          out.attribute("hreflang", Js.or(item.get("hrefLang"), item.get("lang")));
        }
        if (item.truthy("dir")) {
          out.attribute("dir", item.get("dir"));
        }
        out.attributes(item.get("attributes")).raw('>').htmlOrTextUntrimmed(item);
        if (item.truthy("languageDescriptionText")) {
          out.raw("<span class=\"govuk-visually-hidden\"> ").text(item.get("languageDescriptionText"))
              .raw("</span>");
        }
        out.raw("\n</a>");
      }
      out.raw("\n</li>");
    }
    out.raw("\n</ul>\n</nav>");
  }
}

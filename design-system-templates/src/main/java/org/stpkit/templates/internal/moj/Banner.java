package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/banner/template.njk}. */
final class Banner implements Component {
  static final Banner INSTANCE = new Banner();

  private static final String ICON_START = "<svg class=\"moj-banner__icon\" fill=\"currentColor\" role=\"presentation\""
      + " focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 25 25\" height=\"25\" width=\"25\">";
  private static final String SUCCESS = ICON_START + "<path d=\"M25,6.2L8.7,23.2L0,14.1l4-4.2l4.7,4.9L21,2L25,6.2z\"/></svg>";
  private static final String WARNING = ICON_START
      + "<path d=\"M13.6,15.4h-2.3v-4.5h2.3V15.4z M13.6,19.8h-2.3v-2.2h2.3V19.8z M0,23.2h25L12.5,2L0,23.2z\"/></svg>";
  // The path data keeps the line break and tab of MoJ's template.
  private static final String INFORMATION = ICON_START
      + "<path d=\"M13.7,18.5h-2.4v-2.4h2.4V18.5z M12.5,13.7c-0.7,0-1.2-0.5-1.2-1.2V7.7c0-0.7,0.5-1.2,1.2-1.2s1.2,0.5,1.2,1.2v4.8\n"
      + "\tC13.7,13.2,13.2,13.7,12.5,13.7z M12.5,0.5c-6.6,0-12,5.4-12,12s5.4,12,12,12s12-5.4,12-12S19.1,0.5,12.5,0.5z\"/></svg>";

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Object type = params.get("type");
    String icon = null;
    ClassNames classNames = new ClassNames("moj-banner");
    if (Js.looselyEquals(type, "success")) {
      classNames.concat("moj-banner--success");
      icon = SUCCESS;
    } else if (Js.looselyEquals(type, "warning")) {
      classNames.concat("moj-banner--warning");
      icon = WARNING;
    } else if (Js.looselyEquals(type, "information")) {
      classNames.concat("moj-banner--information");
      icon = INFORMATION;
    }
    classNames.concatIfTruthy(params.get("classes"));
    out.raw("<div class=\"").text(classNames.join()).raw('"')
        .attributeLoop(params.get("attributes"))
        .raw(" role=\"region\"")
        .attribute("aria-label", Js.orDefault(Js.orDefault(params.get("iconFallbackText"), type), "banner"))
        .raw(">\n");
    if (icon != null) {
      out.raw(icon).raw('\n');
    }
    out.raw("<div class=\"moj-banner__message\">").htmlOrTextUntrimmed(params).raw("</div>\n</div>");
  }
}

package org.stpkit.templates.internal.moj;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/**
 * MoJ Frontend {@code components/alert/template.njk}. An unknown {@code variant} or {@code
 * headingTag} falls back to {@code information} and {@code h2}. The icon follows the template's own
 * tests: the given {@code variant} for success and warning, the checked one for error.
 */
final class Alert implements Component {
  static final Alert INSTANCE = new Alert();

  private static final List<String> VARIANTS = List.of("information", "success", "warning", "error");
  private static final List<String> HEADING_TAGS = List.of("h2", "h3", "h4");
  /** Read on first use, not when the registry loads every component. */
  private static final class Icons {
    static final Map<String, String> BY_VARIANT = Map.of(
        "success", "<path d=\"M11.2869 24.6726L2.00415 15.3899L4.62189 12.7722L11.2869 19.4186L25.3781 5.32739L27.9958"
            + " 7.96369L11.2869 24.6726Z\" fill=\"currentColor\"/>",
        "warning", Resources.text("alert-warning-icon.svg"),
        "error", "<path fill-rule=\"evenodd\" clip-rule=\"evenodd\" d=\"M20.1777 2.5H9.82233L2.5 9.82233V20.1777L9.82233"
            + " 27.5H20.1777L27.5 20.1777V9.82233L20.1777 2.5ZM10.9155 8.87769L15.0001 12.9623L19.0847 8.87771L21.1224"
            + " 10.9154L17.0378 15L21.1224 19.0846L19.0847 21.1222L15.0001 17.0376L10.9155 21.1223L8.87782 19.0846L12.9624"
            + " 15L8.87783 10.9153L10.9155 8.87769Z\" fill=\"currentColor\"/>",
        "information", Resources.text("alert-information-icon.svg"));
  }

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    String variant = oneOf(VARIANTS, params.get("variant"), "information");
    String headingTag = oneOf(HEADING_TAGS, params.get("headingTag"), "h2");
    Object content = params.truthy("html") ? new Markup(Js.string(params.get("html"))) : params.get("text");
    boolean withHeading = params.truthy("showTitleAsHeading") && Js.truthy(content);
    boolean dismissible = params.truthy("dismissible") && !Js.strictlyEquals(params.get("dismissible"), "false");
    boolean noAutoFocus = params.truthy("disableAutoFocus") && !Js.strictlyEquals(params.get("disableAutoFocus"), "false");

    ClassNames classNames = new ClassNames("moj-alert").concat("moj-alert--" + variant);
    if (withHeading) {
      classNames.concat("moj-alert--with-heading");
    }
    classNames.concatIfTruthy(params.get("classes"));
    String icon = Icons.BY_VARIANT.get(Js.looselyEquals(params.get("variant"), "success") ? "success"
        : Js.looselyEquals(params.get("variant"), "warning") ? "warning"
        : variant.equals("error") ? "error" : "information");

    out.raw("<div").attribute("role", Js.or(params.get("role"), "region"))
        .attribute("class", classNames.join())
        .raw(" aria-label=\"").raw(variant).raw(": ").text(params.get("title")).raw("\" data-module=\"moj-alert\"");
    if (dismissible) {
      out.raw(" data-dismissible=\"true\"");
    }
    if (noAutoFocus) {
      out.raw(" data-disable-auto-focus=\"true\"");
    }
    if (params.truthy("focusOnDismissSelector")) {
      out.attribute("data-focus-on-dismiss-selector", params.get("focusOnDismissSelector"));
    }
    out.attributes(params.get("attributes"))
        .raw(">\n<div>\n<svg class=\"moj-alert__icon\" role=\"presentation\" focusable=\"false\"")
        .raw(" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 30 30\" height=\"30\" width=\"30\">")
        .raw(icon).raw("\n</svg>\n</div>\n<div class=\"moj-alert__content\">");
    if (withHeading) {
      out.raw('<').raw(headingTag).raw(" class=\"moj-alert__heading\">").text(params.get("title"))
          .raw("</").raw(headingTag).raw('>');
    }
    if (params.truthy("title") && !Js.truthy(content)) {
      out.text(params.get("title"));
    }
    out.text(content)
        .raw("</div>\n<div class=\"moj-alert__action\">\n<button class=\"moj-alert__dismiss\" hidden>")
        .text(Js.or(params.get("dismissText"), "Dismiss"))
        .raw("</button>\n</div>\n</div>");
  }

  /** {@code list | select("eq", value) | join | default(fallback, true)}: the value if it is one of them. */
  private static String oneOf(List<String> allowed, @Nullable Object value, String fallback) {
    return value instanceof String && allowed.contains(value) ? (String) value : fallback;
  }
}

package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** MoJ Frontend {@code components/domain-specific/probation/footer/template.njk} (macro {@code pdsFooter}). */
final class PdsFooter implements Component {
  static final PdsFooter INSTANCE = new PdsFooter();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    Object baseUrl = params.get("baseUrl");
    out.raw("<footer class=\"probation-common-footer govuk-!-display-none-print\" role=\"contentinfo\">\n")
        .raw("<div class=\"govuk-width-container\">\n<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-full\">\n")
        .raw("<div class=\"probation-common-footer__support-links\">\n<h2 class=\"govuk-visually-hidden\">Support links</h2>\n")
        .raw("<ul class=\"probation-common-footer__inline-list\">\n");
    link(baseUrl, "/accessibility", "Accessibility", out);
    link(baseUrl, "/cookies-policy", "Cookies policy", out);
    link(baseUrl, "/privacy-policy", "Privacy policy", out);
    out.raw("</ul>\n</div>\n</div>\n</div>\n</div>\n</footer>");
  }

  private static void link(@Nullable Object baseUrl, String path, String text, Html out) {
    out.raw("<li class=\"probation-common-footer__inline-list-item\">\n<a class=\"probation-common-footer__link\" href=\"")
        .text(baseUrl).raw(path).raw("\">").raw(text).raw("</a>\n</li>\n");
  }
}

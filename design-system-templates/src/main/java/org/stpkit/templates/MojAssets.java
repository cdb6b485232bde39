package org.stpkit.templates;

import java.util.Objects;
import java.util.Optional;

/**
 * MoJ Frontend's CSS and JavaScript, carried in this jar beside govuk-frontend's (see {@link
 * GovukAssets}, which finds and serves both): under {@code /assets/moj/}, and its images under
 * {@code /assets/images/}, where its CSS looks for them. A page with MoJ components loads
 * govuk-frontend's stylesheet and script, then these.
 */
public final class MojAssets {
  /** The stylesheet, relative to the asset path. */
  public static final String STYLESHEET = "moj/moj-frontend.min.css";

  /** The JavaScript module, relative to the asset path. */
  public static final String SCRIPT = "moj/moj-frontend.min.js";

  private MojAssets() {}

  /** The {@code <link>} for MoJ's stylesheet, for the page's {@code head} block after govuk-frontend's. */
  public static String stylesheetHtml(String assetPath) {
    Objects.requireNonNull(assetPath, "assetPath");
    return "<link rel=\"stylesheet\" href=\"" + escape(assetPath) + "/" + STYLESHEET + "\">";
  }

  /**
   * The {@code <script>} elements that load and start MoJ Frontend's components, for the {@code
   * bodyEnd} block after govuk-frontend's ({@link GovukAssets#scriptHtml}).
   */
  public static String scriptHtml(String assetPath, Optional<String> cspNonce) {
    return GovukAssets.initAllScriptHtml(assetPath, SCRIPT, cspNonce);
  }

  /**
   * MoJ's page icons, for the {@code headIcons} block: what MoJ Frontend's {@code template.njk}
   * changes in govuk-frontend's page template (the favicon stays govuk-frontend's).
   */
  public static String headIconsHtml(String assetPath) {
    Objects.requireNonNull(assetPath, "assetPath");
    String images = escape(assetPath) + "/images/";
    return "<link rel=\"shortcut icon\" href=\"" + images + "favicon.ico\">\n"
        + "<link rel=\"apple-touch-icon\" href=\"" + images + "moj-apple-touch-icon-180x180-2024.png\" sizes=\"180x180\">\n"
        + "<link rel=\"apple-touch-icon\" href=\"" + images + "moj-apple-touch-icon-167x167-2024.png\" sizes=\"167x167\">\n"
        + "<link rel=\"apple-touch-icon\" href=\"" + images + "moj-apple-touch-icon-152x152-2024.png\" sizes=\"152x152\">\n"
        + "<link rel=\"apple-touch-icon\" href=\"" + images + "moj-apple-touch-icon-2024.png\">";
  }

  private static String escape(String value) {
    return org.stpkit.templates.internal.ComponentRenderer.escape(value);
  }
}

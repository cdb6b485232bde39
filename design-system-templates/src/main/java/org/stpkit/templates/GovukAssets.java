package org.stpkit.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The govuk-frontend CSS, JavaScript, fonts and images carried in this jar.
 *
 * <p>They sit under {@value #CLASSPATH_ROOT} on the classpath, so any Servlet 3+ container and
 * Spring Boot serve them at {@code /assets/...} with no configuration ({@code /assets} is the page
 * template's default {@code assetPath}, and govuk-frontend's CSS refers to its fonts there). A
 * server of your own can look them up here and send {@link Asset#cacheControl()}.
 */
public final class GovukAssets {
  /** The classpath folder of the assets. */
  public static final String CLASSPATH_ROOT = "META-INF/resources/assets";

  /** The stylesheet, relative to the asset path. */
  public static final String STYLESHEET = "govuk-frontend.min.css";

  /** The JavaScript module, relative to the asset path. */
  public static final String SCRIPT = "govuk-frontend.min.js";

  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "json", "application/manifest+json",
      "woff", "font/woff",
      "woff2", "font/woff2",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");

  private GovukAssets() {}

  /** One asset: its bytes and the headers to send with it. */
  public record Asset(String path, String contentType, String cacheControl, byte[] content) {}

  /**
   * The asset at {@code path} (relative to {@code /assets}, such as {@code fonts/bold-b542beb274-v2.woff2}),
   * or empty when there is none. Paths that try to leave the assets folder are refused.
   */
  public static Optional<Asset> find(String path) {
    Objects.requireNonNull(path, "path");
    String clean = path.startsWith("/") ? path.substring(1) : path;
    if (clean.isEmpty() || clean.contains("..") || clean.contains("\\") || clean.endsWith("/")) {
      return Optional.empty();
    }
    int dot = clean.lastIndexOf('.');
    String extension = dot < 0 ? "" : clean.substring(dot + 1).toLowerCase(Locale.ROOT);
    String contentType = CONTENT_TYPES.get(extension);
    if (contentType == null) {
      return Optional.empty();
    }
    try (InputStream in = GovukAssets.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + "/" + clean)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Asset(clean, contentType, cacheControl(clean), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read asset " + clean, e);
    }
  }

  /**
   * Fonts carry a content hash in their names, so they may be cached for a year; the other files
   * keep their names across govuk-frontend releases, so browsers revalidate them daily.
   */
  static String cacheControl(String path) {
    return path.startsWith("fonts/")
        ? "public, max-age=31536000, immutable"
        : "public, max-age=86400";
  }

  /** The {@code <link>} for the stylesheet, for the page's {@code head} block. */
  public static String stylesheetHtml(String assetPath) {
    return "<link rel=\"stylesheet\" href=\"" + escape(assetPath) + "/" + STYLESHEET + "\">";
  }

  /** The {@code <script>} elements that load and start govuk-frontend, for the {@code bodyEnd} block. */
  public static String scriptHtml(String assetPath, Optional<String> cspNonce) {
    return initAllScriptHtml(assetPath, SCRIPT, cspNonce);
  }

  /**
   * The {@code <script>} elements that load a frontend's ES module and call its {@code initAll()}:
   * govuk-frontend's and MoJ Frontend's are started the same way.
   */
  static String initAllScriptHtml(String assetPath, String script, Optional<String> cspNonce) {
    Objects.requireNonNull(assetPath, "assetPath");
    String nonce = cspNonce.map(value -> " nonce=\"" + escape(value) + "\"").orElse("");
    return "<script type=\"module\"" + nonce + " src=\"" + escape(assetPath) + "/" + script + "\"></script>\n"
        + "<script type=\"module\"" + nonce + ">\n"
        + "  import { initAll } from '" + escape(assetPath) + "/" + script + "'\n"
        + "  initAll()\n"
        + "</script>";
  }

  private static String escape(String value) {
    return org.stpkit.templates.internal.ComponentRenderer.escape(value);
  }
}

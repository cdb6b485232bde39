package org.stpkit.templates.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stpkit.templates.GovukAssets;

/**
 * Serves the assets carried in the jar ({@link GovukAssets}): map it at {@code /assets/*}, the page
 * template's default {@code assetPath}. The one asset server every STP Kit server uses (the
 * gallery, form previews, the example service, tests).
 *
 * <ul>
 *   <li>GET and HEAD; anything else is 405 with {@code Allow};
 *   <li>the content type and {@link GovukAssets.Asset#cacheControl()} of each asset,
 *       {@code X-Content-Type-Options: nosniff}, and an {@code ETag} so that a revalidation is a 304;
 *   <li>404 for anything that is not an asset, including paths that try to leave the folder.
 * </ul>
 *
 * <p>Assets are read from the jar once and kept: there are a few dozen, about 1 MB in all.
 */
public final class GovukAssetServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Optional<Served>> cache = new ConcurrentHashMap<>();

  private record Served(GovukAssets.Asset asset, String etag) {}

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    String path = request.getPathInfo();
    Optional<Served> served = path == null ? Optional.empty() : cache.computeIfAbsent(path, GovukAssetServlet::load);
    if (served.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    GovukAssets.Asset asset = served.get().asset();
    response.setHeader("Cache-Control", asset.cacheControl());
    response.setHeader("ETag", served.get().etag());
    response.setHeader("X-Content-Type-Options", "nosniff");
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.equals("*") || ifNoneMatch.contains(served.get().etag()))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(asset.contentType());
    response.setContentLength(asset.content().length);
    if (method.equals("GET")) {
      response.getOutputStream().write(asset.content());
    }
  }

  private static Optional<Served> load(String path) {
    return GovukAssets.find(path).map(asset -> new Served(asset, etag(asset.content())));
  }

  /** A strong validator from the content: assets change only when the jar does. */
  private static String etag(byte[] content) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
      StringBuilder hex = new StringBuilder("\"");
      for (int i = 0; i < 12; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.append('"').toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}

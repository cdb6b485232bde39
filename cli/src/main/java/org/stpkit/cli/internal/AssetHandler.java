package org.stpkit.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.stpkit.templates.GovukAssets;

/** Serves the govuk-frontend assets from the templates jar at {@code /assets/...}. */
final class AssetHandler implements HttpHandler {
  static final String PREFIX = "/assets/";

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Optional<GovukAssets.Asset> asset = path.startsWith(PREFIX)
          ? GovukAssets.find(path.substring(PREFIX.length()))
          : Optional.empty();
      if (asset.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", asset.get().contentType());
      exchange.getResponseHeaders().set("Cache-Control", asset.get().cacheControl());
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      byte[] content = asset.get().content();
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, content.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content);
      }
    }
  }
}

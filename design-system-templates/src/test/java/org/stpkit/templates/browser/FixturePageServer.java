package org.stpkit.templates.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stpkit.templates.GovukAssets;

/** Serves pages held in memory and the govuk-frontend assets from the jar, on 127.0.0.1. */
public final class FixturePageServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();

  public FixturePageServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Publishes HTML at a path and returns its URL. */
  public String publish(String path, String html) {
    pages.put(path, html);
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      String type;
      if (path.startsWith("/assets/")) {
        Optional<GovukAssets.Asset> asset = GovukAssets.find(path.substring("/assets/".length()));
        if (asset.isEmpty()) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        body = asset.get().content();
        type = asset.get().contentType();
        exchange.getResponseHeaders().set("Cache-Control", asset.get().cacheControl());
      } else if (pages.containsKey(path)) {
        body = pages.get(path).getBytes(StandardCharsets.UTF_8);
        type = "text/html; charset=utf-8";
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp gallery}: serves every component, rendered by this kit, on a local web page. */
@Command(
    name = "gallery",
    description = "Serves a gallery of every GOV.UK Frontend component rendered by STP Kit's templates.",
    mixinStandardHelpOptions = true)
final class GalleryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8080;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Override
  public Integer call() throws Exception {
    HttpServer server = start(host, port);
    System.out.println("Component gallery at http://" + host + ":" + server.getAddress().getPort() + "/  (Ctrl-C to stop)");
    System.out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  /**
   * Starts the gallery's web server ({@code port} 0 picks a free one); stop it with
   * {@link HttpServer#stop(int)}. Fails before listening if a component has no examples.
   */
  static HttpServer start(String host, int port) throws IOException {
    Gallery gallery = new Gallery(GovukTemplates.create(), Gallery.loadExamples());
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/assets/", new AssetHandler());
    server.createContext("/", gallery::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "stp-gallery");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return server;
  }

  /** The gallery's pages. */
  static final class Gallery {
    /** One example of a component. */
    record Example(String name, Map<String, Object> params) {}

    private final GovukTemplates templates;
    private final Map<String, List<Example>> examples;

    /** Fails if any component has no examples. */
    Gallery(GovukTemplates templates, Map<String, List<Example>> examples) {
      List<String> missing = templates.components().stream()
          .filter(component -> examples.getOrDefault(component, List.of()).isEmpty())
          .toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException("gallery-examples.json has no examples for "
            + missing.size() + " of " + templates.components().size() + " components: " + String.join(", ", missing));
      }
      this.templates = templates;
      this.examples = examples;
    }

    static Map<String, List<Example>> loadExamples() {
      try (InputStream in = Gallery.class.getResourceAsStream("/org/stpkit/cli/gallery-examples.json")) {
        if (in == null) {
          throw new IllegalStateException("gallery-examples.json is missing from the CLI jar");
        }
        return JSON.readValue(in, new TypeReference<LinkedHashMap<String, List<Example>>>() {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every example as a {@code stp render --batch} request line: {@code {"component": ..., "params": ...}}. */
    static List<String> exampleRequestLines() {
      List<String> lines = new ArrayList<>();
      try {
        for (Map.Entry<String, List<Example>> component : loadExamples().entrySet()) {
          for (Example example : component.getValue()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("component", component.getKey());
            request.put("params", example.params());
            lines.add(JSON.writeValueAsString(request));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return lines;
    }

    void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        Optional<String> page = page(path);
        byte[] body = page.orElseGet(() -> notFound(path)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(page.isPresent() ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }

    Optional<String> page(String path) {
      if (path.equals("/")) {
        return Optional.of(index());
      }
      String prefix = "/components/";
      if (path.startsWith(prefix) && examples.containsKey(path.substring(prefix.length()))) {
        return Optional.of(component(path.substring(prefix.length())));
      }
      return Optional.empty();
    }

    private String index() {
      StringBuilder list = new StringBuilder("<ul class=\"govuk-list\">");
      for (String component : templates.components()) {
        if (!examples.containsKey(component)) {
          continue;
        }
        list.append("<li><a class=\"govuk-link\" href=\"/components/").append(component).append("\">")
            .append(component).append("</a></li>");
      }
      list.append("</ul>");
      return layout("Components", "<h1 class=\"govuk-heading-xl\">Components</h1>"
          + "<p class=\"govuk-body\">GOV.UK Frontend " + GovukTemplates.GOVUK_FRONTEND_VERSION
          + " rendered by STP Kit's FreeMarker templates.</p>" + list);
    }

    private String component(String component) {
      StringBuilder content = new StringBuilder();
      content.append(templates.render("back-link", Map.of("href", "/", "text", "All components")));
      content.append("<h1 class=\"govuk-heading-xl\">").append(component).append("</h1>");
      for (Example example : examples.get(component)) {
        content.append("<h2 class=\"govuk-heading-m\">").append(escape(example.name())).append("</h2>");
        content.append("<div class=\"govuk-!-margin-bottom-9\">")
            .append(templates.render(component, example.params())).append("</div>");
      }
      return layout(component, content.toString());
    }

    private String notFound(String path) {
      return layout("Page not found", "<h1 class=\"govuk-heading-xl\">Page not found</h1>"
          + "<p class=\"govuk-body\">There is no page at " + escape(path) + ".</p>"
          + "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">All components</a></p>");
    }

    private String layout(String title, String content) {
      return templates.renderPage(GovukPage.builder()
          .pageTitle(title + " - STP Kit component gallery")
          .variable("serviceName", "STP Kit component gallery")
          .variable("serviceUrl", "/")
          .block("head", GovukAssets.stylesheetHtml("/assets"))
          .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty()))
          .content(content)
          .build());
    }

    private static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }
}

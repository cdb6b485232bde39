package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.stpkit.cli.internal.web.LocalServer;
import org.stpkit.templates.GovukTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stp gallery}: serves every GOV.UK Frontend and MoJ Frontend component, rendered by this
 * kit, on local web pages ({@link GalleryPages}), with the jar's assets served by the kit's asset
 * servlet.
 */
@Command(
    name = "gallery",
    description = "Serves a gallery of every GOV.UK Frontend and MoJ Frontend component rendered by STP Kit's templates.",
    mixinStandardHelpOptions = true)
final class GalleryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8080;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Override
  public Integer call() throws Exception {
    try (LocalServer server = start(host, port)) {
      System.out.println("Component gallery at http://" + host + ":" + server.port() + "/  (Ctrl-C to stop)");
      System.out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }

  /**
   * Starts the gallery's web server ({@code port} 0 picks a free one). Fails before listening if a
   * component has no examples.
   */
  static LocalServer start(String host, int port) throws Exception {
    GalleryPages pages = new GalleryPages(GovukTemplates.create(), loadExamples());
    return LocalServer.start("stp-gallery", host, port, Map.of("/*", new PagesServlet(pages)));
  }

  /** One example of a component: its params, and for a MoJ pattern the govuk-frontend macro that renders it. */
  record Example(String name, @Nullable String macro, Map<String, Object> params, @Nullable String caller) {
    Example {
      params = params == null ? Map.of() : params;
    }
  }

  /** The gallery's examples by page: a component's name, or a MoJ pattern's. */
  static Map<String, List<Example>> loadExamples() {
    try (InputStream in = GalleryCommand.class.getResourceAsStream("/org/stpkit/cli/gallery-examples.json")) {
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
      for (Map.Entry<String, List<Example>> page : loadExamples().entrySet()) {
        for (Example example : page.getValue()) {
          Map<String, Object> request = new LinkedHashMap<>();
          request.put("component", example.macro() == null ? page.getKey() : example.macro());
          request.put("params", example.params());
          if (example.caller() != null) {
            request.put("caller", example.caller());
          }
          lines.add(JSON.writeValueAsString(request));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static final class PagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient GalleryPages pages;

    PagesServlet(GalleryPages pages) {
      this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String path = request.getRequestURI();
      GalleryPages.Page page = pages.page(path);
      byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
      response.setStatus(page.found() ? 200 : 404);
      response.setContentType("text/html; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}

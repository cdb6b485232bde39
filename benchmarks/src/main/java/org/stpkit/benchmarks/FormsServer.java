package org.stpkit.benchmarks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.servlet.FormServlet;

/**
 * The server side of the forms load run: one Jetty on 127.0.0.1 serving the sample form through the
 * servlet adapter at {@code /form}, and at {@code /static} a fixed copy of the form's {@code /age}
 * page (the same bytes, so the same size) as the ceiling: what this server does with no form work.
 *
 * <p>{@code java -cp benchmarks.jar org.stpkit.benchmarks.FormsServer <definition> <port>} prints
 * {@code port N} when it listens.
 */
public final class FormsServer {
  private FormsServer() {}

  public static void main(String[] args) throws Exception {
    Path definition = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    FormEngine engine = FormEngine.builder(FormDefinitions.load(definition))
        .mountPath("/form")
        .submissionHandler(submission -> { })
        .build();
    byte[] staticPage = agePage(engine);

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(FormServlet.of(engine)), "/form/*");
    context.addServlet(new ServletHolder(new StaticPage(staticPage)), "/static");
    server.setHandler(context);
    server.start();
    System.out.println("port " + connector.getLocalPort() + " static-bytes " + staticPage.length);
    System.out.flush();
    server.join();
  }

  /** The /age page as a user sees it after answering the two pages before it. */
  private static byte[] agePage(FormEngine engine) {
    FormResponse first = engine.handle(FormRequest.get("/", Optional.empty()));
    Optional<String> session = first.newSessionId();
    String csrf = csrf(engine.handle(FormRequest.get("/full-name", session)));
    engine.handle(FormRequest.post("/full-name", Map.of("csrfToken", List.of(csrf),
        "fullName-given", List.of("Jo"), "fullName-family", List.of("Bloggs")), session));
    engine.handle(FormRequest.post("/date-of-birth", Map.of("csrfToken", List.of(csrf),
        "dateOfBirth-day", List.of("27"), "dateOfBirth-month", List.of("3"), "dateOfBirth-year", List.of("1990")), session));
    FormResponse age = engine.handle(FormRequest.get("/age", session));
    return ((FormResponse.Page) age).html().getBytes(StandardCharsets.UTF_8);
  }

  static String csrf(FormResponse response) {
    String html = ((FormResponse.Page) response).html();
    int start = html.indexOf("name=\"csrfToken\" value=\"") + "name=\"csrfToken\" value=\"".length();
    return html.substring(start, html.indexOf('"', start));
  }

  /** Fixed bytes, written as a form page is: HTML, no caching. */
  private static final class StaticPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final byte[] page;

    StaticPage(byte[] page) {
      this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.setContentLength(page.length);
      response.getOutputStream().write(page);
    }
  }
}

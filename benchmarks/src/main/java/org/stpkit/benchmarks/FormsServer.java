package org.stpkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.formsoutbox.FormsDatabase;
import org.stpkit.formsoutbox.FormsOutbox;
import org.stpkit.formsoutbox.SigningKeys;
import org.stpkit.formsoutbox.WebhookOutput;
import org.stpkit.formsoutbox.servlet.JwkSetServlet;
import org.stpkit.formsredis.RedisSessions;

/**
 * The server side of the forms load run: one Jetty on 127.0.0.1 serving the sample form through the
 * servlet adapter at {@code /form}, and at {@code /static} a fixed copy of the form's {@code /age}
 * page (the same bytes, so the same size) as the ceiling: what this server does with no form work.
 *
 * <p>{@code java -cp benchmarks.jar org.stpkit.benchmarks.FormsServer <definition> <port>} prints
 * {@code port N} when it listens. As one of several instances: {@code --redis redis://... --namespace
 * NS} keeps sessions in Redis; {@code --db <jdbc url> --webhook <url> --keys <private JWK set file>
 * --node NAME} sends submissions through the outbox on PostgreSQL to a signed webhook (and publishes
 * the keys at {@code /.well-known/jwks.json}). {@code FormsServer --generate-keys FILE} writes a key.
 */
public final class FormsServer {
  private FormsServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--generate-keys")) {
      Files.writeString(Path.of(args[1]), SigningKeys.generate().privateJwkSet());
      return;
    }
    Path definition = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Map<String, String> options = options(args);
    FormDefinition form = FormDefinitions.load(definition);
    FormEngine.Builder builder = FormEngine.builder(form).mountPath("/form");
    List<AutoCloseable> parts = new ArrayList<>();
    Optional<SigningKeys> keys = Optional.empty();
    if (options.containsKey("redis")) {
      RedisSessions redis = RedisSessions.builder(options.get("redis")).namespace(options.get("namespace")).build();
      parts.add(redis);
      builder.answerStore(redis.store(form));
    }
    if (options.containsKey("db")) {
      keys = Optional.of(SigningKeys.fromJwkSet(Files.readString(Path.of(options.get("keys")))));
      FormsOutbox outbox = outbox(form, options, keys.get());
      parts.add(outbox);
      builder.submissionHandler(outbox.forForm(form));
    } else {
      builder.submissionHandler(submission -> { });
    }
    FormEngine engine = builder.build();
    byte[] staticPage = agePage(engine);

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(FormServlet.of(engine)), "/form/*");
    context.addServlet(new ServletHolder(new StaticPage(staticPage)), "/static");
    keys.ifPresent(signing -> context.addServlet(new ServletHolder(JwkSetServlet.of(signing)), "/.well-known/jwks.json"));
    server.setHandler(context);
    server.start();
    System.out.println("port " + connector.getLocalPort() + " static-bytes " + staticPage.length);
    System.out.flush();
    server.join();
    for (AutoCloseable part : parts) {
      part.close();
    }
  }

  /** The outbox on PostgreSQL (a HikariCP pool, as a service would give it), delivering to the load client's receiver. */
  private static FormsOutbox outbox(FormDefinition form, Map<String, String> options, SigningKeys keys) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(options.get("db"));
    pool.setMaximumPoolSize(16);
    pool.setPoolName("forms-" + options.getOrDefault("node", "node"));
    return FormsOutbox.builder(FormsDatabase.on(new HikariDataSource(pool)))
        .form(form.id(), outputs -> outputs.output("receiver",
            WebhookOutput.to(URI.create(options.get("webhook")), keys).build()))
        .maxInFlight(16)
        .backoff(Duration.ofMillis(500), Duration.ofSeconds(10))
        .nodeName(options.getOrDefault("node", "node"))
        .build();
  }

  /** {@code --name value} pairs after the definition and port. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 2; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (options.containsKey("redis") && !options.containsKey("namespace")) {
      throw new IllegalArgumentException("--redis needs --namespace");
    }
    if (options.containsKey("db") && !(options.containsKey("webhook") && options.containsKey("keys"))) {
      throw new IllegalArgumentException("--db needs --webhook and --keys");
    }
    return options;
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

package org.stpkit.cli.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.spi.InMemoryProgressStore;
import org.stpkit.forms.spi.ReturnLink;
import org.stpkit.forms.SubmissionJson;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.VirusScanner;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.servlet.GovukAssetServlet;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;

/**
 * A form definition served locally, as product teams prototype with it: through the servlet adapter
 * in Jetty, with govuk-frontend's assets, reloading the definition when the file changes. While the
 * definition has problems, every page lists them instead. Submissions are printed as JSON lines.
 */
final class FormPreview implements AutoCloseable {

  private final Path definition;
  private final PrintStream submissions;
  private final GovukTemplates templates = GovukTemplates.create();
  private final AnswerStore answers = new InMemoryAnswerStore(java.time.Clock.systemUTC());
  private final Server server;
  private final ServerConnector connector;
  private final int port;
  /** Saved journeys of a form that offers save and return, kept while the preview runs (and across reloads). */
  private final InMemoryProgressStore progress = new InMemoryProgressStore();
  private volatile Loaded loaded;

  /** The definition as last read: its servlet, or the page listing its problems. */
  private record Loaded(FileTime modified, long size, Optional<FormServlet> servlet, String problemsPage) {}

  FormPreview(Path definition, String host, int port, PrintStream submissions) throws Exception {
    this.definition = definition;
    this.submissions = submissions;
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("stp-forms-preview");
    threads.setDaemon(true);
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new GovukAssetServlet()), "/assets/*");
    context.addServlet(new ServletHolder(new PreviewServlet()), "/*");
    server.setHandler(context);
    server.start();
    this.port = connector.getLocalPort();
    this.loaded = load();
  }

  int port() {
    return port;
  }

  /** The problems of the definition as last loaded; empty when it is fine. */
  boolean hasProblems() {
    return loaded.servlet().isEmpty();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private Loaded currentDefinition() throws IOException {
    Loaded current = loaded;
    if (current == null) {
      synchronized (this) {
        current = loaded == null ? load() : loaded;
        loaded = current;
      }
    }
    FileTime modified = Files.exists(definition) ? Files.getLastModifiedTime(definition) : FileTime.fromMillis(0);
    long size = Files.exists(definition) ? Files.size(definition) : -1;
    if (!modified.equals(current.modified()) || size != current.size()) {
      synchronized (this) {
        current = load();
        loaded = current;
      }
    }
    return current;
  }

  private Loaded load() throws IOException {
    FileTime modified = Files.exists(definition) ? Files.getLastModifiedTime(definition) : FileTime.fromMillis(0);
    long size = Files.exists(definition) ? Files.size(definition) : -1;
    List<Problem> problems = FormDefinitions.check(definition);
    if (!problems.isEmpty()) {
      return new Loaded(modified, size, Optional.empty(), problemsPage(problems));
    }
    FormDefinition form = FormDefinitions.load(definition);
    FormEngine.Builder builder = FormEngine.builder(form);
    if (form.saveAndReturn().isPresent()) {
      // Links are printed, as submissions are: a prototype sends no email.
      builder.saveAndReturn(SaveAndReturn.builder(URI.create("http://" + connector.getHost() + ":"
          + connector.getLocalPort()), progress, this::print).build());
    }
    FormEngine engine = builder
        .templates(templates)
        .answerStore(answers)
        // A prototype on a developer's machine: uploads are checked by content and size, not scanned.
        .virusScanner(VirusScanner.acceptingUnscanned())
        .submissionHandler(this::print)
        .build();
    return new Loaded(modified, size, Optional.of(FormServlet.of(engine)), "");
  }

  /** A save-and-return link, as the email would carry it. */
  private void print(ReturnLink link) {
    submissions.println("Save and return link for " + link.email() + " (works once, until " + link.expiresOn() + "): "
        + link.url());
    submissions.flush();
  }

  /** One JSON line per submission, in the shape receivers get ({@link SubmissionJson}). */
  private void print(Submission submission) {
    submissions.println(SubmissionJson.write(submission));
    submissions.flush();
  }

  private String problemsPage(List<Problem> problems) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Problem problem : problems) {
      errors.add(Map.of("text", problem.toString()));
    }
    String summary = templates.render("error-summary", Map.of(
        "titleText", "This form definition has " + problems.size() + (problems.size() == 1 ? " problem" : " problems"),
        "descriptionText", "Fix them in " + definition + " and reload this page.",
        "errorList", errors,
        "disableAutoFocus", true));
    return templates.renderPage(GovukPage.builder()
        .pageTitle("Form definition problems - STP Kit forms preview")
        .block("head", GovukAssets.stylesheetHtml("/assets"))
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty()))
        .content("<h1 class=\"govuk-heading-l\">Form definition problems</h1>" + summary)
        .build());
  }

  /** Reloads the definition when the file changed, then serves the form or its problems. */
  private final class PreviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Loaded current = currentDefinition();
      if (current.servlet().isPresent()) {
        try {
          current.servlet().get().service(request, response);
        } catch (jakarta.servlet.ServletException e) {
          throw new IOException(e);
        }
        return;
      }
      response.setStatus(200);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.getOutputStream().write(current.problemsPage().getBytes(StandardCharsets.UTF_8));
    }
  }
}

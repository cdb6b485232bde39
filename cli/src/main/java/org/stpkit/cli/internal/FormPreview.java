package org.stpkit.cli.internal;

import freemarker.template.TemplateMethodModelEx;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.cli.internal.web.LocalServer;
import org.stpkit.cli.internal.web.PageTemplates;
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
import org.stpkit.templates.GovukTemplates;

/**
 * A form definition served locally, as product teams prototype with it: through the servlet adapter
 * in Jetty, with govuk-frontend's assets, reloading the definition when the file changes. While the
 * definition has problems, every page lists them instead. Submissions are printed as JSON lines.
 */
final class FormPreview implements AutoCloseable {
  private static final PageTemplates PAGES = new PageTemplates("/org/stpkit/cli/forms");
  private static final TemplateMethodModelEx WORDS = PageTemplates.messages("org.stpkit.cli.forms.preview");

  private final Path definition;
  private final PrintStream submissions;
  private final GovukTemplates templates = GovukTemplates.create();
  private final AnswerStore answers = new InMemoryAnswerStore(java.time.Clock.systemUTC());
  private final String host;
  private final LocalServer server;
  /** Saved journeys of a form that offers save and return, kept while the preview runs (and across reloads). */
  private final InMemoryProgressStore progress = new InMemoryProgressStore();
  private volatile Loaded loaded;

  /** The definition as last read: its servlet, or the page listing its problems. */
  private record Loaded(FileTime modified, long size, Optional<FormServlet> servlet, String problemsPage) {}

  FormPreview(Path definition, String host, int port, PrintStream submissions) throws Exception {
    this.definition = definition;
    this.submissions = submissions;
    this.host = host;
    this.server = LocalServer.start("stp-forms-preview", host, port, Map.of("/*", new PreviewServlet()));
    this.loaded = load();
  }

  int port() {
    return server.port();
  }

  /** The problems of the definition as last loaded; empty when it is fine. */
  boolean hasProblems() {
    return loaded.servlet().isEmpty();
  }

  @Override
  public void close() throws Exception {
    server.close();
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
      builder.saveAndReturn(SaveAndReturn.builder(URI.create("http://" + host + ":" + server.port()), progress, this::print).build());
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
    return PAGES.render("definition-problems.ftlh", Map.of(
        "msg", WORDS,
        "definition", definition.toString(),
        "problems", problems.stream().map(Problem::toString).toList(),
        "assetsHead", GovukAssets.stylesheetHtml("/assets"),
        "assetsBodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty())));
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

package org.stpkit.cli.internal.docs;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.stpkit.cli.internal.web.LocalServer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stp docs}: the site served locally while it is written. Sources are looked at twice a
 * second; when one changes the site is built again in memory, and open pages reload themselves
 * (they wait on {@code /_stp-docs/changes}). Problems are listed at the top of every page instead of
 * stopping the build. govuk-frontend's assets come from the templates jar through the kit's asset
 * servlet.
 */
public final class DocsServer implements AutoCloseable {
  private static final long POLL_MILLIS = 500;
  private static final long HOLD_MILLIS = 25_000;

  private final Path docs;
  private final CommandSpec cli;
  private final Clock clock;
  private final PrintStream log;
  private final LocalServer server;
  private final Thread watcher;
  private volatile DocsSite.Built site;
  private volatile List<String> fingerprint;
  private long version;

  public DocsServer(Path docs, CommandSpec cli, String host, int port, Clock clock, PrintStream log) throws Exception {
    this.docs = docs;
    this.cli = cli;
    this.clock = clock;
    this.log = log;
    this.site = DocsSite.build(docs, cli, DocsSite.Mode.SERVED, LocalDate.now(clock));
    this.fingerprint = fingerprint(site);
    server = LocalServer.start("stp-docs", host, port,
        Map.of("/_stp-docs/changes", new ChangesServlet(), "/*", new SiteServlet()));
    watcher = new Thread(this::watch, "stp-docs-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  public int port() {
    return server.port();
  }

  /** The problems of the site as last built. */
  public List<DocsProblem> problems() {
    return site.problems();
  }

  /** How many times the site has been rebuilt since the server started. */
  public synchronized long version() {
    return version;
  }

  @Override
  public void close() throws Exception {
    watcher.interrupt();
    server.close();
  }

  private void watch() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(POLL_MILLIS);
        List<String> now = fingerprint(site);
        if (!now.equals(fingerprint)) {
          DocsSite.Built rebuilt = DocsSite.build(docs, cli, DocsSite.Mode.SERVED, LocalDate.now(clock));
          site = rebuilt;
          fingerprint = fingerprint(rebuilt);
          // Said before the pages are told, so that whoever sees the new version sees it reported too.
          log.println(rebuilt.problems().isEmpty() ? "Rebuilt: no problems"
              : "Rebuilt: " + rebuilt.problems().size() + (rebuilt.problems().size() == 1 ? " problem" : " problems")
              + " (listed on every page)");
          rebuilt.problems().forEach(problem -> log.println("  " + problem));
          synchronized (this) {
            version++;
            notifyAll();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // A half-saved file can fail in ways a finished one does not; the next save is looked at again.
        log.println("stp docs: could not rebuild: " + e.getMessage());
      }
    }
  }

  /**
   * What the site was made from, as names, sizes and times: the files it read, and every Markdown
   * file under docs/ (a new page is a change too).
   */
  private List<String> fingerprint(DocsSite.Built built) {
    List<Path> files = new ArrayList<>(built.watched());
    try (Stream<Path> markdown = Files.walk(docs)) {
      markdown.filter(file -> file.toString().endsWith(".md") && !file.startsWith(docs.resolve("target")))
          .forEach(files::add);
    } catch (IOException e) {
      // The folder is being changed under us; the next look sees it settled.
    }
    return files.stream().distinct().sorted().map(DocsServer::stamp).toList();
  }

  private static String stamp(Path file) {
    try {
      return file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return file + " missing";
    }
  }

  /** Serves the site's pages and files from memory. */
  private final class SiteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String path = Objects.requireNonNullElse(request.getPathInfo(), "/").substring(1);
      if (path.isEmpty() || path.endsWith("/")) {
        path = path + "index.html";
      }
      byte[] content = site.files().get(path);
      if (content == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      String extension = path.substring(path.lastIndexOf('.') + 1);
      response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.getOutputStream().write(content);
    }
  }

  /** Answers with the site's version once it differs from {@code since}, or after a while. */
  private final class ChangesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      long since = parse(request.getParameter("since"));
      long current;
      synchronized (DocsServer.this) {
        long deadline = System.currentTimeMillis() + HOLD_MILLIS;
        while (since >= 0 && version == since && System.currentTimeMillis() < deadline) {
          try {
            DocsServer.this.wait(Math.max(1, deadline - System.currentTimeMillis()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        current = version;
      }
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      response.getOutputStream().write(("{\"version\":" + current + "}").getBytes(StandardCharsets.UTF_8));
    }

    private long parse(String since) {
      try {
        return since == null ? -1 : Long.parseLong(since);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}

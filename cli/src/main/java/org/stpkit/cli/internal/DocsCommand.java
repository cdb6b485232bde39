package org.stpkit.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stpkit.cli.internal.docs.DocsProblem;
import org.stpkit.cli.internal.docs.DocsServer;
import org.stpkit.cli.internal.docs.DocsSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp docs}: the documentation site, served while it is written, or built to files. */
@Command(
    name = "docs",
    description = {
      "Serves the documentation site (Markdown in docs/) at http://127.0.0.1:8000/, rebuilding it and",
      "reloading open pages when a source is saved; problems are listed at the top of every page.",
      "With --build, writes the static site and exits: 0 when it has no problems, 1 (with each problem) when it has."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the site was built (--build) with no problems",
      "1:--build found problems: broken samples, links or schemas, each printed as file:line: message",
      "2:bad input: no docs folder with a site.yaml"
    })
final class DocsCommand implements Callable<Integer> {
  /** Exit code of a build that found problems. */
  static final int PROBLEMS = 1;

  @Option(names = "--build", description = "Write the static site and exit, instead of serving it.")
  boolean build;

  @Option(names = "--source", paramLabel = "<folder>", description = "The docs folder (default: ${DEFAULT-VALUE}).")
  Path source = Path.of("docs");

  @Option(names = "--output", paramLabel = "<folder>", description = "Where --build writes the site (default: <source>/target/site).")
  Path output;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8000;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(source.resolve("site.yaml"))) {
      spec.commandLine().getErr().println("stp docs: " + source.toAbsolutePath().normalize()
          + " is not a docs folder (it has no site.yaml); run from the repository's root or give --source");
      return StpCommand.BAD_INPUT;
    }
    return build ? buildSite() : serve();
  }

  private int buildSite() throws IOException {
    Path target = output != null ? output : source.resolve("target").resolve("site");
    DocsSite.Built site = DocsSite.build(source, StpCommand.commandTree(), DocsSite.Mode.STATIC, LocalDate.now());
    if (!site.problems().isEmpty()) {
      for (DocsProblem problem : site.problems()) {
        spec.commandLine().getErr().println(problem);
      }
      spec.commandLine().getErr().println(site.problems().size() + (site.problems().size() == 1 ? " problem" : " problems")
          + " in the documentation; nothing written");
      return PROBLEMS;
    }
    site.writeTo(target);
    long pages = site.files().keySet().stream().filter(path -> path.endsWith(".html")).count();
    spec.commandLine().getOut().println("Built " + pages + " pages into " + target);
    return 0;
  }

  private int serve() throws Exception {
    try (DocsServer server = new DocsServer(source, StpCommand.commandTree(), host, port, Clock.systemDefaultZone(), System.out)) {
      System.out.println("Documentation at http://" + host + ":" + server.port() + "/  (Ctrl-C to stop; pages reload when you save)");
      if (!server.problems().isEmpty()) {
        System.out.println(server.problems().size() + " problems (listed on every page):");
        server.problems().forEach(problem -> System.out.println("  " + problem));
      }
      System.out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}

package org.stpkit.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinitions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stp forms ...}: tools for form definitions. */
@Command(
    name = "forms",
    description = "Tools for forms-engine form definitions (YAML or JSON).",
    mixinStandardHelpOptions = true,
    subcommands = {FormsCommand.Check.class, FormsCommand.Preview.class, FormsOutboxCommands.Failed.class,
        FormsOutboxCommands.Redrive.class})
final class FormsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code stp forms preview <definition>}: the form served locally, reloading on change. */
  @Command(
      name = "preview",
      description = {
        "Serves a form definition locally with the GOV.UK styles, reloading it when the file changes.",
        "While the definition has problems, the pages list them. Submissions are printed as JSON lines."
      },
      mixinStandardHelpOptions = true)
  static final class Preview implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<definition>", description = "form definition file (.yaml, .yml, .json)")
    Path definition;

    @CommandLine.Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8090;

    @CommandLine.Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!java.nio.file.Files.isRegularFile(definition)) {
        spec.commandLine().getErr().println("stp forms preview: no such file: " + definition);
        return StpCommand.BAD_INPUT;
      }
      try (FormPreview preview = new FormPreview(definition, host, port, System.out)) {
        System.out.println("Previewing " + definition + " at http://" + host + ":" + preview.port() + "/  (Ctrl-C to stop)");
        if (preview.hasProblems()) {
          System.out.println("The definition has problems: the pages list them until you fix the file.");
        }
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
      }
      return 0;
    }
  }

  /** {@code stp forms check <definition>...}: every problem, or {@code ok}. */
  @Command(
      name = "check",
      description = {
        "Checks form definitions and prints every problem as file:line:column: /json/pointer: message.",
        "Exit code 0 and 'ok' when a definition is fine, 1 when any has problems."
      },
      mixinStandardHelpOptions = true)
  static final class Check implements Callable<Integer> {
    /** Exit code when a definition has problems. */
    static final int PROBLEMS = 1;

    @Parameters(arity = "1..*", paramLabel = "<definition>", description = "form definition files (.yaml, .yml, .json)")
    List<Path> definitions = List.of();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      int exitCode = 0;
      for (Path definition : definitions) {
        List<Problem> problems = FormDefinitions.check(definition);
        if (problems.isEmpty()) {
          spec.commandLine().getOut().println(definitions.size() == 1 ? "ok" : definition + ": ok");
          continue;
        }
        exitCode = PROBLEMS;
        problems.forEach(problem -> spec.commandLine().getOut().println(problem));
        spec.commandLine().getOut().println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
            + " in " + definition);
      }
      spec.commandLine().getOut().flush();
      return exitCode;
    }
  }
}

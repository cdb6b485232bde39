package org.stpkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code stp} command. */
@Command(
    name = "stp",
    mixinStandardHelpOptions = true,
    versionProvider = StpCommand.Version.class,
    description = "STP Kit: shared technology products for public-sector digital services.")
public final class StpCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit code for bad input: unknown component, malformed JSON, wrong params. */
  public static final int BAD_INPUT = 2;

  private static final String[] RENDER_BATCH = {"render", "--batch"};

  /**
   * Runs {@code stp} with these arguments and returns its exit code.
   *
   * <p>{@code stp render --batch} with nothing more, which scripts and other languages start over
   * and over, runs without picocli: its classes are too old for class-data sharing and it reads
   * every annotation of the command, which together cost about 50 ms, a third of that command's
   * start-up. It does just what {@code RenderCommand} does for those arguments.
   */
  public static int run(String... args) {
    if (Arrays.equals(args, RENDER_BATCH)) {
      return RenderCommand.batchWithDefaults(System.in, System.out, System.err);
    }
    return commandLine(args).execute(args);
  }

  /** The subcommands, by name, in the order help lists them (in a holder, so the shortcut above never loads picocli). */
  private static final class Subcommands {
    static final Map<String, Class<?>> BY_NAME = subcommands();

    private static Map<String, Class<?>> subcommands() {
      Map<String, Class<?>> subcommands = new LinkedHashMap<>();
      subcommands.put("render", RenderCommand.class);
      subcommands.put("gallery", GalleryCommand.class);
      subcommands.put("forms", FormsCommand.class);
      subcommands.put("notify", NotifyCommand.class);
      subcommands.put("idam", IdamCommand.class);
      subcommands.put("docs", DocsCommand.class);
      subcommands.put("demo", DemoCommand.class);
      subcommands.put("help", CommandLine.HelpCommand.class);
      return Collections.unmodifiableMap(subcommands);
    }
  }

  /** Every command, as picocli models it: what the documentation's CLI reference is generated from. */
  static CommandLine.Model.CommandSpec commandTree() {
    return commandLine().getCommandSpec();
  }

  /** The whole command tree. */
  private static CommandLine commandLine() {
    return commandLine(Subcommands.BY_NAME.keySet());
  }

  /**
   * The command tree these arguments need: only the subcommand they name, if they name one other
   * than {@code help}, else all. Picocli reads every command's annotations when it builds a tree,
   * which for all of them takes about a tenth of a second: more than a short {@code stp render}
   * needs for its work.
   */
  private static CommandLine commandLine(String... args) {
    if (args.length > 0 && Subcommands.BY_NAME.containsKey(args[0]) && !"help".equals(args[0])) {
      return commandLine(Set.of(args[0]));
    }
    return commandLine();
  }

  private static CommandLine commandLine(Set<String> names) {
    CommandLine commandLine = new CommandLine(new StpCommand());
    Subcommands.BY_NAME.forEach((name, command) -> {
      if (names.contains(name)) {
        commandLine.addSubcommand(name, command);
      }
    });
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      line.getErr().println("stp: " + exception.getMessage());
      return 1;
    });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A value the build wrote into the jar (version.properties: versions of the kit and of what it is tested with). */
  static String buildProperty(String name) {
    Properties properties = new Properties();
    try (InputStream in = StpCommand.class.getResourceAsStream("/org/stpkit/cli/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty(name, "unknown");
  }

  /** Reads the versions the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "stp " + buildProperty("version"),
        "govuk-frontend " + buildProperty("govukFrontendVersion"),
        "MoJ Frontend " + org.stpkit.templates.GovukTemplates.MOJ_FRONTEND_VERSION
      };
    }
  }
}

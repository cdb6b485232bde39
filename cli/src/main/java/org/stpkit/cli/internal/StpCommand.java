package org.stpkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code stp} command. */
@Command(
    name = "stp",
    mixinStandardHelpOptions = true,
    versionProvider = StpCommand.Version.class,
    description = "STP Kit: shared technology products for public-sector digital services.",
    subcommands = {RenderCommand.class, GalleryCommand.class, FormsCommand.class, NotifyCommand.class, IdamCommand.class,
        CommandLine.HelpCommand.class})
public final class StpCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit code for bad input: unknown component, malformed JSON, wrong params. */
  public static final int BAD_INPUT = 2;

  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new StpCommand());
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

  /** Reads the versions the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = StpCommand.class.getResourceAsStream("/org/stpkit/cli/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {
        "stp " + properties.getProperty("version", "unknown"),
        "govuk-frontend " + properties.getProperty("govukFrontendVersion", "unknown")
      };
    }
  }
}

package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.stpkit.notify.simulator.ApiKey;
import org.stpkit.notify.simulator.NotifySimulator;
import org.stpkit.notify.simulator.SimulatedTemplate;
import org.stpkit.notify.simulator.SimulatorConfig;
import org.stpkit.notify.simulator.SimulatorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp notify ...}: GOV.UK Notify tools. */
@Command(
    name = "notify",
    description = "GOV.UK Notify tools.",
    mixinStandardHelpOptions = true,
    subcommands = {NotifyCommand.Simulator.class})
final class NotifyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code stp notify simulator}: a local Notify. */
  @Command(
      name = "simulator",
      description = {
        "Runs a local HTTP server compatible with GOV.UK Notify's v2 API, for development and demos.",
        "Prints its base URL, the API keys it accepts and its templates."
      },
      mixinStandardHelpOptions = true)
  static final class Simulator implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 6060;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--config", paramLabel = "<file>",
        description = "YAML configuration (format: notify-simulator/README.md); the example configuration without it.")
    @Nullable Path config;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      SimulatorConfig settings;
      try {
        settings = config == null ? SimulatorConfig.example() : SimulatorConfig.load(config);
      } catch (SimulatorException e) {
        spec.commandLine().getErr().println("stp notify simulator: " + e.getMessage());
        return StpCommand.BAD_INPUT;
      }
      try (NotifySimulator notify = NotifySimulator.start(settings, host, port, Clock.systemUTC())) {
        describe(notify, spec.commandLine().getOut());
        new CountDownLatch(1).await();
      }
      return 0;
    }
  }

  /** What a client needs to use the simulator. */
  static void describe(NotifySimulator notify, PrintWriter out) {
    SimulatorConfig config = notify.config();
    out.println("Notify simulator at " + notify.baseUrl() + "  (Ctrl-C to stop)");
    out.println("Service id: " + config.serviceId());
    out.println("API keys:");
    for (ApiKey key : config.apiKeys()) {
      out.printf("  %-5s %s%n", key.type().name().toLowerCase(java.util.Locale.ROOT), key.fullKey(config.serviceId()));
    }
    out.println("Templates:");
    for (SimulatedTemplate template : config.templates()) {
      out.printf("  %-6s %s  %s%n", template.type().apiName(), template.id(), template.name());
    }
    out.println("Sent messages: GET " + notify.baseUrl() + "/_simulator/notifications");
    out.flush();
  }
}

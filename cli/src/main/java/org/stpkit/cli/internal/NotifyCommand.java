package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.SimulatorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp notify ...}: GOV.UK Notify tools. */
@Command(
    name = "notify",
    description = "GOV.UK Notify tools.",
    mixinStandardHelpOptions = true,
    subcommands = {NotifyCommand.Simulator.class, NotifyCommand.Failed.class, NotifyCommand.Redrive.class})
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

  /** {@code stp notify failed --db <jdbc url>}: the failed messages and the outbox counters. */
  @Command(
      name = "failed",
      description = "Lists the messages that failed for good, with Notify's reason, and the outbox counters.",
      mixinStandardHelpOptions = true)
  static final class Failed implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "<jdbc url>",
        description = "The outbox database, e.g. jdbc:postgresql://db:5432/service?user=notify")
    String database = "";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      org.stpkit.notify.NotifyOperations operations = org.stpkit.notify.NotifyOperations.on(new JdbcUrlDataSource(database));
      java.util.List<org.stpkit.notify.FailedMessage> failed = operations.failedMessages();
      for (org.stpkit.notify.FailedMessage message : failed) {
        out.printf("%s  %s  %s/%s  %s  %s: %s%n", message.id(), message.failedAt(), message.caseRef(), message.milestone(),
            message.channel().apiName(), message.failureType(), message.failureMessage());
      }
      org.stpkit.notify.OutboxStats stats = operations.stats();
      out.printf("%d failed; queued %d, sending %d, retrying %d, sent %d, delivered %d; oldest backlog %s%n",
          failed.size(), stats.queued(), stats.sending(), stats.retrying(), stats.sent(), stats.delivered(),
          stats.oldestBacklogAge().map(age -> age.toSeconds() + " s").orElse("none"));
      out.flush();
      return 0;
    }
  }

  /** {@code stp notify redrive --db <jdbc url> (--all | <id>...)}: failed messages queued again. */
  @Command(
      name = "redrive",
      description = "Queues failed messages again, after their data or template is fixed.",
      mixinStandardHelpOptions = true)
  static final class Redrive implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "<jdbc url>", description = "The outbox database.")
    String database = "";

    @Option(names = "--all", description = "Every failed message.")
    boolean all;

    @CommandLine.Parameters(arity = "0..*", paramLabel = "<message id>", description = "Ids from stp notify failed.")
    java.util.List<String> ids = java.util.List.of();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (all == !ids.isEmpty()) {
        spec.commandLine().getErr().println("stp notify redrive: give message ids, or --all (not both)");
        return StpCommand.BAD_INPUT;
      }
      org.stpkit.notify.NotifyOperations operations = org.stpkit.notify.NotifyOperations.on(new JdbcUrlDataSource(database));
      java.util.List<String> chosen = all
          ? operations.failedMessages().stream().map(org.stpkit.notify.FailedMessage::id).toList() : ids;
      int redriven = operations.redrive(chosen);
      spec.commandLine().getOut().println(redriven + " of " + chosen.size() + " queued again");
      spec.commandLine().getOut().flush();
      return redriven == chosen.size() ? 0 : 1;
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

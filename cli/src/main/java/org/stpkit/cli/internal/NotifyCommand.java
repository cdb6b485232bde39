package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.InvalidSimulatorConfigException;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedService;
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
    subcommands = {NotifyCommand.Simulator.class, NotifyCommand.Failed.class, NotifyCommand.Redrive.class,
        NotifyCommand.Purge.class})
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
      } catch (InvalidSimulatorConfigException e) {
        // Every problem on a line of its own, file:line:column first, as editors and CI logs link them.
        spec.commandLine().getErr().println("stp notify simulator: " + e.problems().size()
            + (e.problems().size() == 1 ? " problem" : " problems") + " in " + config);
        e.problems().forEach(spec.commandLine().getErr()::println);
        return StpCommand.BAD_INPUT;
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
      org.stpkit.notify.NotifyOperations operations = org.stpkit.notify.NotifyOperations.on(new JdbcUrlDataSource(database));
      return Redriving.run(spec, "message", all, ids,
          () -> operations.failedMessages().stream().map(org.stpkit.notify.FailedMessage::id).toList(), operations::redrive);
    }
  }

  /** {@code stp notify purge --db <jdbc url> --older-than <period>}: finished messages deleted. */
  @Command(
      name = "purge",
      description = "Deletes messages that ended (delivered or failed) longer ago than a period, with their timelines,"
          + " and received texts as old: the outbox holds personal data.",
      mixinStandardHelpOptions = true)
  static final class Purge implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "<jdbc url>", description = "The outbox database.")
    String database = "";

    @Option(names = "--older-than", required = true, paramLabel = "<period>",
        description = "An ISO-8601 period or duration, such as P90D or PT12H.")
    String olderThan = "";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.time.Instant now = java.time.Instant.now();
      java.time.Duration period;
      try {
        // P90D and P6M are calendar periods, PT12H a duration; both count back from now.
        period = olderThan.contains("T") ? java.time.Duration.parse(olderThan) : java.time.Duration.between(
            now.atZone(java.time.ZoneOffset.UTC).minus(java.time.Period.parse(olderThan)).toInstant(), now);
      } catch (java.time.format.DateTimeParseException e) {
        spec.commandLine().getErr().println("stp notify purge: --older-than: '" + olderThan
            + "' is not a period such as P90D (days) or PT12H (hours)");
        return StpCommand.BAD_INPUT;
      }
      if (period.isZero() || period.isNegative()) {
        spec.commandLine().getErr().println("stp notify purge: --older-than must be longer than nothing: " + olderThan);
        return StpCommand.BAD_INPUT;
      }
      int deleted = org.stpkit.notify.NotifyOperations.on(new JdbcUrlDataSource(database)).purge(period);
      spec.commandLine().getOut().println(deleted + " deleted (ended before " + now.minus(period) + ")");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** What a client needs to use the simulator. */
  static void describe(NotifySimulator notify, PrintWriter out) {
    SimulatorConfig config = notify.config();
    out.println("Notify simulator at " + notify.baseUrl() + "  (Ctrl-C to stop)");
    for (SimulatedService service : config.services()) {
      out.println(service == config.defaultService() ? "Service id: " + service.serviceId()
          : "Service '" + service.name() + "', id: " + service.serviceId());
      out.println("API keys:");
      for (ApiKey key : service.apiKeys()) {
        out.printf("  %-5s %s%n", key.type().name().toLowerCase(java.util.Locale.ROOT), key.fullKey(service.serviceId()));
      }
      out.println("Templates:");
      for (SimulatedTemplate template : service.templates()) {
        out.printf("  %-6s %s  %s%n", template.type().apiName(), template.id(), template.name());
      }
      service.emailReplyTos().forEach(replyTo -> out.printf("Reply-to id: %s  %s%n", replyTo.id(), replyTo.emailAddress()));
      service.smsSenders().forEach(sender -> out.printf("Text sender id: %s  %s%n", sender.id(), sender.sender()));
    }
    out.println("Sent messages: GET " + notify.baseUrl() + "/_simulator/notifications");
    out.println("A text arrives: POST " + notify.baseUrl() + "/_simulator/received-text-messages"
        + " {\"from\": \"07700900123\", \"content\": \"STOP\"}");
    out.flush();
  }
}

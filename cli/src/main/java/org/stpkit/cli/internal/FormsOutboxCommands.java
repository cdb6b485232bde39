package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.stpkit.formsoutbox.DeliveryStatus;
import org.stpkit.formsoutbox.FailedDelivery;
import org.stpkit.formsoutbox.FormsOutboxException;
import org.stpkit.formsoutbox.FormsOutboxOperations;
import org.stpkit.formsoutbox.OutboxCounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp forms failed} and {@code stp forms redrive}: the submission outbox's dead letters, for operators. */
final class FormsOutboxCommands {
  private FormsOutboxCommands() {}

  /** {@code stp forms failed --db <jdbc url>}: the failed deliveries and the outbox counters. */
  @Command(
      name = "failed",
      description = {
        "Lists the submission deliveries that failed for good (refused, or given up on), with the output's last",
        "answer, and the outbox's counters."
      },
      mixinStandardHelpOptions = true)
  static final class Failed implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "<jdbc url>",
        description = "The forms database, e.g. jdbc:postgresql://db:5432/service?user=forms")
    String database = "";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        FormsOutboxOperations operations = FormsOutboxOperations.on(new JdbcUrlDataSource(database));
        List<FailedDelivery> failed = operations.failed();
        for (FailedDelivery delivery : failed) {
          out.printf("%s  %s  %s/%s  %s  after %d %s  %s%n", delivery.id(), delivery.failedAt(), delivery.formId(),
              delivery.reference(), delivery.output(), delivery.attempts(),
              delivery.attempts() == 1 ? "attempt" : "attempts", delivery.reason());
        }
        OutboxCounts counts = operations.counts();
        out.printf("%d failed; queued %d, delivering %d, retrying %d, delivered %d; oldest undelivered %s%n",
            failed.size(), counts.count(DeliveryStatus.QUEUED), counts.count(DeliveryStatus.DELIVERING),
            counts.count(DeliveryStatus.RETRYING), counts.count(DeliveryStatus.DELIVERED),
            counts.oldestUndelivered().map(age -> age.toSeconds() + " s").orElse("none"));
        out.flush();
        return 0;
      } catch (FormsOutboxException e) {
        spec.commandLine().getErr().println("stp forms failed: " + e.getMessage());
        return StpCommand.BAD_INPUT;
      }
    }
  }

  /** {@code stp forms redrive --db <jdbc url> (--all | <delivery id>...)}: failed deliveries queued again. */
  @Command(
      name = "redrive",
      description = "Queues failed submission deliveries again, once the receiver or the data is fixed.",
      mixinStandardHelpOptions = true)
  static final class Redrive implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "<jdbc url>", description = "The forms database.")
    String database = "";

    @Option(names = "--all", description = "Every failed delivery.")
    boolean all;

    @CommandLine.Parameters(arity = "0..*", paramLabel = "<delivery id>", description = "Ids from stp forms failed.")
    List<String> ids = List.of();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try {
        FormsOutboxOperations operations = FormsOutboxOperations.on(new JdbcUrlDataSource(database));
        return Redriving.run(spec, "delivery", all, ids,
            () -> operations.failed().stream().map(FailedDelivery::id).toList(), operations::redrive);
      } catch (FormsOutboxException e) {
        spec.commandLine().getErr().println("stp forms redrive: " + e.getMessage());
        return StpCommand.BAD_INPUT;
      }
    }
  }
}

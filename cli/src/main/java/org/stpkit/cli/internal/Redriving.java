package org.stpkit.cli.internal;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import picocli.CommandLine;

/**
 * What {@code stp notify redrive} and {@code stp forms redrive} share: ids or {@code --all} (not
 * both), queueing them again, and saying how many were; exit 1 when some were not failed ones.
 */
final class Redriving {
  private Redriving() {}

  static int run(CommandLine.Model.CommandSpec spec, String what, boolean all, List<String> ids,
      Supplier<List<String>> failedIds, ToIntFunction<List<String>> redrive) {
    if (all == !ids.isEmpty()) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": give " + what + " ids, or --all (not both)");
      return StpCommand.BAD_INPUT;
    }
    List<String> chosen = all ? failedIds.get() : ids;
    int redriven = redrive.applyAsInt(chosen);
    spec.commandLine().getOut().println(redriven + " of " + chosen.size() + " queued again");
    spec.commandLine().getOut().flush();
    return redriven == chosen.size() ? 0 : 1;
  }
}

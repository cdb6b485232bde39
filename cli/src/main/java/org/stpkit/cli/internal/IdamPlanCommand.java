package org.stpkit.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stp idam plan}: what apply would change, changing nothing. */
@Command(
    name = "plan",
    description = {
      "Prints what apply would change, changing nothing.",
      "Reads the managed users from Keycloak and plans the feed and policy against them: one row per step,"
          + " the counts, what is left for you to look at, and any threshold the plan is over. The feed's"
          + " problems go to standard error first; their people are held unchanged."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing to change: Keycloak already holds what the feed and policy say",
      "2:unusable input (a missing file, an invalid policy, no client secret), or Keycloak unreachable or"
          + " refusing",
      "3:the plan has changes (so that a scheduled plan can report drift)"
    })
final class IdamPlanCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print the plan as JSON, for programs, instead of a table.")
  boolean json;

  @Mixin IdamFeedOptions run;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.planFeed(spec, run, IdamCommand.DEFAULT_AUDIT_LOG,
        (reconciler, plan) -> {
          spec.commandLine().getOut().print(json ? plan.toJson() : plan.toTable());
          return IdamCommand.planned(plan);
        });
  }
}

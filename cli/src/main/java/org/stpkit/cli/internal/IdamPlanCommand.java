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

  @Option(names = "--out", paramLabel = "<file>", description = "Also write the plan for review: JSON with the"
      + " digests of the feed, the policy and Keycloak it was made from, for stp idam approve and"
      + " stp idam apply --plan.")
  java.nio.file.@org.jspecify.annotations.Nullable Path out;

  @Mixin IdamFeedOptions run;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.planFeed(spec, run, IdamCommand.DEFAULT_AUDIT_LOG,
        (reconciler, plan) -> {
          if (out != null) {
            IdamCommand.write(out, plan.toJson());
          }
          spec.commandLine().getOut().print(json ? plan.toJson() : plan.toTable());
          if (out != null && !json) {
            spec.commandLine().getOut().println("\nWritten for review to " + out + " (plan " + plan.digest()
                .substring(0, 12) + "): apply exactly this plan with stp idam apply --plan " + out);
          }
          return IdamCommand.planned(plan);
        });
  }
}

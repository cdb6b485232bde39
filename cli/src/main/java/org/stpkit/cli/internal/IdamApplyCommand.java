package org.stpkit.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stp idam apply}: the plan, then the changes made. */
@Command(
    name = "apply",
    description = {
      "Plans, prints the plan, then applies it, appending every change to the audit log.",
      "Plans as stp idam plan does, then applies each person's changes in order, several people at a time."
          + " One person's failure does not stop the others; the next run finishes what a run could not."
          + " A plan over the policy's thresholds is refused unless --allow-mass-change is given."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every change applied (or nothing to change)",
      "1:some people's changes failed; the failures are listed on standard error",
      "2:unusable input (a missing file, an invalid policy, no client secret), or Keycloak unreachable or"
          + " refusing",
      "4:refused, nothing changed: the plan is over the policy's thresholds (without an approval), or the"
          + " reviewed plan's feed, policy or Keycloak state has changed since it was made"
    })
final class IdamApplyCommand implements Callable<Integer> {
  @Mixin IdamApplyOptions apply;

  @Option(names = "--plan", paramLabel = "<file>", description = "Apply exactly this reviewed plan (from stp idam"
      + " plan --out), refusing, changing nothing, when the feed, the policy or Keycloak have changed since it was"
      + " made. A plan over the thresholds needs an approval (stp idam approve) by a key in the policy's approvers,"
      + " or --allow-mass-change.")
  java.nio.file.@org.jspecify.annotations.Nullable Path plan;

  @Mixin IdamFeedOptions run;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (plan != null) {
      return IdamCommand.applyReviewed(spec, run, apply, plan);
    }
    return IdamCommand.planFeed(spec, run, apply.auditLog, (reconciler, planned) -> {
      spec.commandLine().getOut().print(planned.toTable());
      spec.commandLine().getOut().println();
      return IdamCommand.applyAndReport(spec, reconciler, planned, apply.allowMassChange);
    });
  }
}

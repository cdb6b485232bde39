package org.stpkit.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
      "4:refused, nothing changed: the plan is over the policy's thresholds"
    })
final class IdamApplyCommand implements Callable<Integer> {
  @Mixin IdamApplyOptions apply;

  @Mixin IdamFeedOptions run;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.planFeed(spec, run, apply.auditLog, (reconciler, plan) -> {
      spec.commandLine().getOut().print(plan.toTable());
      spec.commandLine().getOut().println();
      return IdamCommand.applyAndReport(spec, reconciler, plan, apply.allowMassChange);
    });
  }
}

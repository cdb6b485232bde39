package org.stpkit.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.AccessReview;
import org.stpkit.idam.Reconciler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stp idam report --format html|csv}: evidence for an access review, read from Keycloak. */
@Command(
    name = "report",
    description = {
      "Writes an access review: every person the policy manages, each group and role they hold and the rule that"
          + " justifies it, with access granted by hand, accounts disabled by hand and leavers awaiting deletion"
          + " flagged. HTML is a GOV.UK page with a summary by department and rule; CSV is one row per person and"
          + " grant."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:unusable input, or Keycloak unreachable or refusing"})
final class IdamReportCommand implements Callable<Integer> {
  enum Format { html, csv }

  @Option(names = "--policy", required = true, paramLabel = "<file>", description = IdamCommand.POLICY_DESCRIPTION)
  Path policy;

  @Option(names = "--format", paramLabel = "html|csv", defaultValue = "html",
      description = "html (default) or csv.")
  Format format = Format.html;

  @Option(names = "--out", paramLabel = "<file>", description = "Where to write it (default: standard output).")
  @Nullable Path out;

  @Mixin KeycloakServiceAccountOptions keycloak;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.run(spec, () -> {
      AccessPolicy accessPolicy = AccessPolicy.load(policy);
      AccessReview review;
      try (Reconciler reconciler = IdamCommand.reconciler(keycloak.connection(), accessPolicy, 4,
          IdamCommand.DEFAULT_AUDIT_LOG, TerminalProgress.forTerminal(spec.commandLine().getErr()))) {
        review = reconciler.accessReview();
      }
      String text = format == Format.csv ? review.toCsv() : AccessReviewPage.render(review, accessPolicy.managedBy());
      if (out == null) {
        spec.commandLine().getOut().print(text);
      } else {
        IdamCommand.write(out, text);
        spec.commandLine().getErr().println("Access review of " + review.people().size() + " people written to " + out);
      }
      return IdamCommand.DONE;
    });
  }
}

package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.stpkit.definition.Problem;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.ApplyResult;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.MassChangeException;
import org.stpkit.idam.Plan;
import org.stpkit.idam.PlanDriftException;
import org.stpkit.idam.Reconciler;
import org.stpkit.idam.ReviewedPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stp idam ...}: joiners, movers and leavers into Keycloak, through idam-client. */
@Command(
    name = "idam",
    description = {
      "Joiners, movers and leavers into Keycloak: an HR feed and an access policy are planned against the realm,"
          + " then applied.",
      "Start with check (offline), then plan; apply when the plan is what you expect."
    },
    mixinStandardHelpOptions = true,
    subcommands = {IdamCheckCommand.class, IdamPlanCommand.class, IdamApproveCommand.class, IdamApplyCommand.class,
        IdamEventCommand.class, IdamReportCommand.class, IdamDeclareAttributesCommand.class,
        IdamApproverKeyCommand.class},
    exitCodeListHeading = "%nExit codes (of the subcommands):%n",
    exitCodeList = {
      "0:done; for plan and --dry-run, nothing to change",
      "1:check found problems, or apply could not finish some people",
      "2:unusable input, or Keycloak unreachable or refusing",
      "3:plan and --dry-run: there are changes to apply",
      "4:apply refused, nothing changed: over the thresholds without an approval, or a reviewed plan has drifted"
    })
final class IdamCommand implements Runnable {
  static final int DONE = 0;
  /** {@code check}: the feed or policy has problems; {@code apply}: some people's changes failed. */
  static final int PROBLEMS = 1;
  static final int UNUSABLE = StpCommand.BAD_INPUT;
  /** A plan with changes, so that a scheduled {@code stp idam plan} can report drift. */
  static final int CHANGES_PLANNED = 3;
  static final int REFUSED = 4;

  static final Path DEFAULT_AUDIT_LOG = Path.of("stp-idam-audit.jsonl");

  static final String FEED_DESCRIPTION = "The HR feed: CSV with a header row naming the attributes (.csv),"
      + " or SCIM 2.0 users as JSON (.json).";
  static final String POLICY_DESCRIPTION = "The access policy (YAML): who gets which groups and roles, and the"
      + " thresholds that stop mass change.";
  static final String CONCURRENCY_DESCRIPTION = "How many people are read or changed at once, 1 to 64"
      + " (default: ${DEFAULT-VALUE}; Keycloak gains little past 8).";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Input the command cannot work with, found by the CLI itself: reported like an {@link IdamException}. */
  static final class UnusableInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnusableInput(String message) {
      super(message);
    }
  }

  /**
   * Runs a command's body: unusable input and idam-client's errors are printed as one message,
   * never a stack trace, and exit {@link #UNUSABLE}.
   */
  static int run(CommandLine.Model.CommandSpec spec, IntSupplier body) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return body.getAsInt();
    } catch (UnusableInput | IdamException e) {
      err.println(spec.qualifiedName() + ": " + e.getMessage());
      return UNUSABLE;
    } finally {
      spec.commandLine().getOut().flush();
      err.flush();
    }
  }

  /**
   * The reconciler for a run; {@link #requireConcurrency} has been called, so that a bad option is
   * reported before any file is read.
   */
  static Reconciler reconciler(KeycloakConnection connection, AccessPolicy policy, int concurrency, Path auditLog) {
    return reconciler(connection, policy, concurrency, auditLog, org.stpkit.idam.Progress.NONE);
  }

  static Reconciler reconciler(KeycloakConnection connection, AccessPolicy policy, int concurrency, Path auditLog,
      org.stpkit.idam.Progress progress) {
    return Reconciler.builder().connection(connection).policy(policy).concurrency(concurrency).auditLog(auditLog)
        .progress(progress).build();
  }

  /** What a command does with the plan for the whole feed; returns the exit code. */
  interface WithPlan {
    int accept(Reconciler reconciler, Plan plan);
  }

  /**
   * Checks the options, reads the policy and the feed (its problems to standard error), plans
   * against Keycloak, and hands the plan on: the part {@code plan} and {@code apply} share.
   */
  static int planFeed(CommandLine.Model.CommandSpec spec, IdamFeedOptions options, Path auditLog, WithPlan then) {
    return run(spec, () -> {
      requireConcurrency(options.concurrency);
      KeycloakConnection connection = options.keycloak.connection();
      AccessPolicy accessPolicy = AccessPolicy.load(options.policy);
      HrFeed read = readFeedForPlanning(options.feed, spec.commandLine().getErr());
      try (Reconciler reconciler = reconciler(connection, accessPolicy, options.concurrency, auditLog,
          TerminalProgress.forTerminal(spec.commandLine().getErr()))) {
        return then.accept(reconciler, reconciler.plan(read));
      }
    });
  }

  static void requireConcurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 64) {
      throw new UnusableInput("--concurrency must be 1 to 64, not " + concurrency);
    }
  }

  /** Reads the feed for planning: its problems, if any, go to standard error, since standard output is the plan. */
  static HrFeed readFeedForPlanning(Path file, PrintWriter err) {
    HrFeed feed = HrFeed.read(file);
    if (!feed.problems().isEmpty()) {
      printFeedProblems(feed, err);
      err.flush();
    }
    return feed;
  }

  /** The feed's problems one a line, then how many records are valid and how many people are held. */
  static void printFeedProblems(HrFeed feed, PrintWriter to) {
    for (Problem problem : feed.problems()) {
      to.println(problem);
    }
    to.println(feedSummary(feed));
  }

  static String feedSummary(HrFeed feed) {
    int valid = feed.records().size();
    String summary = feed.source() + ": " + valid + (valid == 1 ? " valid record" : " valid records");
    List<Problem> problems = feed.problems();
    if (problems.isEmpty()) {
      return summary;
    }
    int held = feed.heldEmployeeNumbers().size();
    return summary + ", " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; " + held
        + (held == 1 ? " person" : " people") + " held unchanged";
  }

  /** Exit code of a plan that is only shown: whether there is anything to apply. */
  static int planned(Plan plan) {
    return plan.isEmpty() ? DONE : CHANGES_PLANNED;
  }

  /**
   * {@code apply --plan}: reads the reviewed plan, the feed and the policy, and applies exactly that
   * plan, or refuses naming what has drifted.
   */
  static int applyReviewed(CommandLine.Model.CommandSpec spec, IdamFeedOptions options, IdamApplyOptions apply,
      Path planFile) {
    return run(spec, () -> {
      requireConcurrency(options.concurrency);
      KeycloakConnection connection = options.keycloak.connection();
      AccessPolicy accessPolicy = AccessPolicy.load(options.policy);
      ReviewedPlan reviewed = ReviewedPlan.read(planFile);
      HrFeed read = readFeedForPlanning(options.feed, spec.commandLine().getErr());
      try (Reconciler reconciler = reconciler(connection, accessPolicy, options.concurrency, apply.auditLog,
          TerminalProgress.forTerminal(spec.commandLine().getErr()))) {
        return report(spec, () -> reconciler.apply(reviewed, read, apply.allowMassChange));
      }
    });
  }

  /** Writes a file the command was asked to write, reporting a failure as unusable input. */
  static void write(Path file, String text) {
    try {
      java.nio.file.Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new UnusableInput("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Applies the plan and reports the run: the summary on standard output, each failure on standard error. */
  static int applyAndReport(CommandLine.Model.CommandSpec spec, Reconciler reconciler, Plan plan,
      boolean allowMassChange) {
    return report(spec, () -> reconciler.apply(plan, allowMassChange));
  }

  /** Runs an apply and reports it: the summary on standard output, each failure and any refusal on standard error. */
  private static int report(CommandLine.Model.CommandSpec spec, java.util.function.Supplier<ApplyResult> applying) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ApplyResult result;
    try {
      result = applying.get();
    } catch (MassChangeException refused) {
      err.println(spec.qualifiedName() + ": " + refused.getMessage());
      err.println("To apply it all the same: --allow-mass-change.");
      return REFUSED;
    } catch (PlanDriftException drifted) {
      err.println(spec.qualifiedName() + ": " + drifted.getMessage());
      return REFUSED;
    }
    out.printf(Locale.ROOT, "Applied %d changes for %d people in %.1f s (run %s)%n", result.changesApplied(),
        result.people(), result.took().toMillis() / 1000.0, result.runId());
    out.flush();
    for (ApplyResult.Failure failure : result.failures()) {
      err.println("failed: " + failure);
    }
    if (!result.succeeded()) {
      int failed = result.failures().size();
      err.println(failed + (failed == 1 ? " person was" : " people were")
          + " not finished: their later changes were not tried; the next run plans them again.");
    }
    return result.succeeded() ? DONE : PROBLEMS;
  }
}

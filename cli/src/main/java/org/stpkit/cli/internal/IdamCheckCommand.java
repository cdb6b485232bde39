package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stpkit.definition.Problem;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.InvalidPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp idam check --feed <file> --policy <file>}: both files checked offline, every problem listed. */
@Command(
    name = "check",
    description = {
      "Checks an HR feed and an access policy offline, listing every problem with its line.",
      "Prints each feed row left out (its person would be held unchanged), the number of valid records,"
          + " then 'policy OK: N rules' or the policy's problems."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no problems",
      "1:feed rows were left out, or the policy is invalid",
      "2:a file is missing or unreadable, or not CSV or JSON at all"
    })
final class IdamCheckCommand implements Callable<Integer> {
  @Option(names = "--feed", required = true, paramLabel = "<file>", description = IdamCommand.FEED_DESCRIPTION)
  Path feed;

  @Option(names = "--policy", required = true, paramLabel = "<file>", description = IdamCommand.POLICY_DESCRIPTION)
  Path policy;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    // Both files are checked whatever the other's state, so that one run shows everything to fix.
    int feedResult = IdamCommand.run(spec, this::checkFeed);
    int policyResult = IdamCommand.run(spec, this::checkPolicy);
    return Math.max(feedResult, policyResult);
  }

  private int checkFeed() {
    HrFeed read = HrFeed.read(feed);
    IdamCommand.printFeedProblems(read, spec.commandLine().getOut());
    return read.problems().isEmpty() ? IdamCommand.DONE : IdamCommand.PROBLEMS;
  }

  private int checkPolicy() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      int rules = AccessPolicy.load(policy).rules().size();
      out.println("policy OK: " + rules + (rules == 1 ? " rule" : " rules"));
      return IdamCommand.DONE;
    } catch (InvalidPolicyException invalid) {
      for (Problem problem : invalid.problems()) {
        out.println(problem);
      }
      int count = invalid.problems().size();
      out.println(policy + ": " + count + (count == 1 ? " problem" : " problems"));
      return IdamCommand.PROBLEMS;
    }
  }
}

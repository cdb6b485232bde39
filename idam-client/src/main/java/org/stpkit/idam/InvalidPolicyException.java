package org.stpkit.idam;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.stpkit.definition.Problem;

/**
 * An access policy that cannot be used: every problem found in it, each with its location, so that
 * one run of the tool is enough to see everything to fix.
 */
public final class InvalidPolicyException extends IdamException {
  private final List<Problem> problems;

  public InvalidPolicyException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order they appear in the file; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("An invalid policy has at least one problem");
    }
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the access policy:\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}

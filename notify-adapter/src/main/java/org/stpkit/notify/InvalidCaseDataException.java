package org.stpkit.notify;

import java.util.List;
import org.stpkit.definition.Problem;
import java.util.stream.Collectors;

/**
 * Case data that cannot make a milestone's messages (an email address that is not one, a letter
 * address of two lines, a personalisation value missing): every problem, naming the case-data
 * field. Nothing was queued.
 */
public final class InvalidCaseDataException extends NotifyException {
  private final String caseRef;
  private final String milestone;
  private final List<Problem> problems;

  public InvalidCaseDataException(String caseRef, String milestone, List<Problem> problems) {
    super("Case " + caseRef + " reached " + milestone + " but nothing was queued: "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.caseRef = caseRef;
    this.milestone = milestone;
    this.problems = List.copyOf(problems);
  }

  public String caseRef() {
    return caseRef;
  }

  public String milestone() {
    return milestone;
  }

  public List<Problem> problems() {
    return problems;
  }
}

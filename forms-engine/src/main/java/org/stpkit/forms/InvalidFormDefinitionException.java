package org.stpkit.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.stpkit.definition.Problem;

/** A form definition with problems: all of them, each with its location. */
public final class InvalidFormDefinitionException extends FormsException {
  private final List<Problem> problems;

  public InvalidFormDefinitionException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the form definition:\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}

package org.stpkit.forms;

import java.util.List;
import java.util.stream.Collectors;

/** A form definition with problems: all of them, each with its location. */
public final class InvalidFormDefinitionException extends FormsException {
  private final List<DefinitionProblem> problems;

  public InvalidFormDefinitionException(List<DefinitionProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<DefinitionProblem> problems() {
    return problems;
  }

  private static String describe(List<DefinitionProblem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the form definition:\n"
        + problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n"));
  }
}

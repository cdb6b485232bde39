package org.stpkit.notify;

import java.util.List;
import org.stpkit.definition.Problem;
import java.util.stream.Collectors;

/** A milestone catalogue with problems, or templates that do not fit it: all of them at once. */
public final class InvalidCatalogueException extends NotifyException {
  private final List<Problem> problems;

  public InvalidCatalogueException(String about, List<Problem> problems) {
    super(about + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

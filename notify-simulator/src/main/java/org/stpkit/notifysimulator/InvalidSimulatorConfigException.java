package org.stpkit.notifysimulator;

import java.util.List;
import java.util.stream.Collectors;
import org.stpkit.definition.Problem;

/**
 * A simulator configuration with problems: all of them at once, each at its line and column
 * ({@code notify.yaml:7:11: templates[0].type: must be email, sms or letter, not text 'fax'}).
 */
public final class InvalidSimulatorConfigException extends SimulatorException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidSimulatorConfigException(String source, List<Problem> problems) {
    super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}

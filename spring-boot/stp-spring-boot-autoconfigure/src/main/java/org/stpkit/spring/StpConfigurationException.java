package org.stpkit.spring;

import java.util.List;
import java.util.Objects;

/**
 * What stops a Spring Boot service at start-up because STP Kit's configuration cannot work: a form
 * definition with problems, a catalogue that does not fit, a setting that is missing. Its problems
 * are printed one to a line, each naming its file and line or its property, by {@link
 * StpFailureAnalyzer}, with what to do about them.
 */
public final class StpConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;
  private final String action;

  public StpConfigurationException(String summary, List<String> problems, String action) {
    super(summary + ":\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
    this.action = Objects.requireNonNull(action, "action");
  }

  public StpConfigurationException(String summary, List<String> problems, String action, Throwable cause) {
    super(summary + ":\n  " + String.join("\n  ", problems), cause);
    this.problems = List.copyOf(problems);
    this.action = Objects.requireNonNull(action, "action");
  }

  /** One line per problem, such as {@code forms/apply.yaml:12:7: pages[1].next[0].to: no page has the path '/two'}. */
  public List<String> problems() {
    return problems;
  }

  /** What to do about it, for the failure report. */
  public String action() {
    return action;
  }
}

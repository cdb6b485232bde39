package org.stpkit.cli.internal;

/**
 * Something {@code stp demo} cannot start, said with what to do about it (which port, which option,
 * which log): printed as it is, never as a stack trace.
 */
final class DemoProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DemoProblem(String message) {
    super(message);
  }
}

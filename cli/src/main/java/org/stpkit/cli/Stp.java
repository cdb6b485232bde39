package org.stpkit.cli;

import org.stpkit.cli.internal.StpCommand;

/** Entry point of the {@code stp} tool; see {@code ./stp --help}. */
public final class Stp {
  private Stp() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code stp} with these arguments and returns its exit code. */
  public static int run(String... args) {
    return StpCommand.run(args);
  }
}

package org.stpkit.cli.internal.docs;

/**
 * One thing wrong with the documentation, at its place: {@code docs/reference/cli.md:12: message}.
 * The line is 1-based; 0 when the problem belongs to the whole file.
 */
public record DocsProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}

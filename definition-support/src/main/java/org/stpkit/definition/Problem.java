package org.stpkit.definition;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a file people write: where it is (file, line, column and the value's path) and
 * what is wrong. Prints as {@code file:line:column: path: message}, the shape editors and CI logs
 * turn into links. Every STP Kit format reports its problems this way, all at once.
 *
 * @param source the file, or the name given for text read from elsewhere
 * @param line 1-based; 0 when the place is unknown
 * @param column 1-based; 0 when unknown (a CSV row has a line but no column)
 * @param path the value, such as {@code rules[2].when.title}; {@code ""} for the whole file
 * @param message what is wrong and, where it helps, what would be right
 */
public record Problem(String source, int line, int column, String path, String message) {
  /** File order: by source, then line, then column. */
  public static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparing(Problem::source)
      .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be 0 (unknown) or more: " + line + ":" + column);
    }
  }

  /** A problem with no place in a file (a whole-file or cross-file problem, or data from a caller). */
  public static Problem of(String source, String path, String message) {
    return new Problem(source, 0, 0, path, message);
  }

  @Override
  public String toString() {
    String where = line == 0 ? source : column == 0 ? source + ":" + line : source + ":" + line + ":" + column;
    return (where.isEmpty() ? "" : where + ": ") + (path.isEmpty() ? "" : path + ": ") + message;
  }
}

package org.stpkit.idam;

import java.util.Objects;

/**
 * One problem in an access policy file: where it is (file, line, column and the field's path) and
 * what is wrong. Prints as {@code file:line:column: path: message}, the shape editors and CI logs
 * turn into links.
 *
 * @param source the file, or the name given to {@link AccessPolicy#parse(String, String)}
 * @param line 1-based; 0 when the location is unknown
 * @param column 1-based; 0 when the location is unknown
 * @param path the field, such as {@code rules[2].when.title}; {@code ""} for the whole file
 * @param message what is wrong, and where it helps, what would be right
 */
public record PolicyProblem(String source, int line, int column, String path, String message) {
  public PolicyProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be 0 (unknown) or more: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line + ":" + column : source;
    return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}

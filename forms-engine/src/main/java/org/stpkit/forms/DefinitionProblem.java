package org.stpkit.forms;

import java.util.Objects;

/**
 * One problem in a form definition: where it is (file, line and column, and the JSON pointer of the
 * value) and what is wrong. Prints as {@code file:line:column: /pointer: message}, the shape editors
 * and CI logs link from.
 *
 * @param source the file name, or the name given for text
 * @param line 1-based; 0 when the location is unknown
 * @param column 1-based; 0 when unknown
 * @param pointer the JSON pointer of the value, {@code ""} for the whole document
 */
public record DefinitionProblem(String source, int line, int column, String pointer, String message) {
  public DefinitionProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line + ":" + column : source;
    return where + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}

package org.stpkit.forms.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.Problem;

/**
 * A definition file as the checks walk it: the JSON tree the schema validates (JSON pointers name
 * its values, as the validator does) and the located values of definition-support, which turn a
 * pointer into a problem at its line with the path people read ({@code pages[2].questions[0]}).
 */
final class DefinitionDocument {
  private final LocatedNode located;
  private final JsonNode root;

  DefinitionDocument(LocatedNode located) {
    this.located = located;
    this.root = located.toJson();
  }

  JsonNode root() {
    return root;
  }

  /** A problem with the value at a JSON pointer, at its line (or its nearest parent's). */
  Problem problem(String pointer, String message) {
    return located.problemAt(pointer, message);
  }

  /** How problems name the value at a pointer: {@code /pages/1/questions/0} is {@code pages[1].questions[0]}. */
  String path(String pointer) {
    return located.pathAt(pointer);
  }

  /** A key as a JSON pointer segment. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

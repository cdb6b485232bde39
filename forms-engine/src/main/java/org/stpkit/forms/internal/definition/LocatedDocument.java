package org.stpkit.forms.internal.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.stpkit.forms.DefinitionProblem;

/**
 * A parsed YAML or JSON document with the line and column of every value, so that a problem found
 * at a JSON pointer can say where it is in the file.
 */
final class LocatedDocument {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final JsonNode root;
  private final Map<String, int[]> locations;

  private LocatedDocument(String source, JsonNode root, Map<String, int[]> locations) {
    this.source = source;
    this.root = root;
    this.locations = locations;
  }

  /**
   * Parses text as JSON when it starts with '{', else as YAML (a superset of JSON).
   *
   * @throws SyntaxProblem when the text is not well-formed
   */
  static LocatedDocument parse(String text, String source) throws SyntaxProblem {
    boolean json = text.stripLeading().startsWith("{");
    ObjectMapper mapper = json ? JSON : YAML;
    try {
      JsonNode root = mapper.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new SyntaxProblem(new DefinitionProblem(source, 1, 1, "", "the file is empty"));
      }
      return new LocatedDocument(source, root, locate(mapper.getFactory(), text));
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      int line = location == null ? 0 : location.getLineNr();
      int column = location == null ? 0 : location.getColumnNr();
      throw new SyntaxProblem(new DefinitionProblem(source, Math.max(line, 0), Math.max(column, 0), "",
          (json ? "not valid JSON: " : "not valid YAML: ") + e.getOriginalMessage()));
    }
  }

  JsonNode root() {
    return root;
  }

  String source() {
    return source;
  }

  /** A problem at a pointer, located at the value there or at its nearest located parent. */
  DefinitionProblem problem(String pointer, String message) {
    String at = pointer;
    while (true) {
      int[] location = locations.get(at);
      if (location != null) {
        return new DefinitionProblem(source, location[0], location[1], pointer, message);
      }
      if (at.isEmpty()) {
        return new DefinitionProblem(source, 0, 0, pointer, message);
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }

  private static Map<String, int[]> locate(JsonFactory factory, String text) throws JsonProcessingException {
    Map<String, int[]> locations = new HashMap<>();
    Deque<Frame> frames = new ArrayDeque<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          frames.peek().field = escape(parser.currentName());
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          frames.pop();
          continue;
        }
        String pointer;
        Frame parent = frames.peek();
        if (parent == null) {
          pointer = "";
        } else if (parent.array) {
          pointer = parent.pointer + "/" + parent.index++;
        } else {
          pointer = parent.pointer + "/" + parent.field;
        }
        JsonLocation location = parser.currentTokenLocation();
        locations.putIfAbsent(pointer, new int[] {location.getLineNr(), location.getColumnNr()});
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          frames.push(new Frame(pointer, token == JsonToken.START_ARRAY));
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("Reading from a string cannot fail", e);
    }
    return locations;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static final class Frame {
    final String pointer;
    final boolean array;
    int index;
    String field = "";

    Frame(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }
  }

  /** The text is not well-formed YAML or JSON. */
  static final class SyntaxProblem extends Exception {
    private final transient DefinitionProblem problem;

    SyntaxProblem(DefinitionProblem problem) {
      super(problem.toString(), null, false, false);
      this.problem = problem;
    }

    DefinitionProblem problem() {
      return problem;
    }
  }
}

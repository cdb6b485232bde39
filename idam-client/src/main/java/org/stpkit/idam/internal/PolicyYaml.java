package org.stpkit.idam.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.InvalidPolicyException;
import org.stpkit.idam.PolicyProblem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link PolicyNode}s token by token, so that every value keeps its line and
 * column. Problems a tree cannot hold (a key given twice, an alias, a second document) are added
 * to the caller's list; text that is not YAML at all stops the reading.
 */
final class PolicyYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final YAMLParser parser;
  private final String source;
  private final List<PolicyProblem> problems;

  private PolicyYaml(YAMLParser parser, String source, List<PolicyProblem> problems) {
    this.parser = parser;
    this.source = source;
    this.problems = problems;
  }

  /**
   * The document's root: {@link PolicyNode.Kind#NOTHING} for an empty file.
   *
   * @throws InvalidPolicyException with the one problem, when the text is not well-formed YAML
   */
  static PolicyNode read(String text, String source, List<PolicyProblem> problems) {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      PolicyYaml reader = new PolicyYaml(parser, source, problems);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return PolicyNode.text(PolicyNode.Kind.NOTHING, "", 1, 1, "");
      }
      PolicyNode root = reader.value(first, "");
      if (parser.nextToken() != null) {
        // Jackson reads the documents after '---' one after the other; a policy is one document.
        reader.problem(parser.currentTokenLocation(), "",
            "a policy file holds one YAML document; remove the '---' before this second one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyException(List.of(syntaxProblem(e, source)));
    } catch (IOException e) {
      throw new IllegalStateException("Reading from a string cannot fail", e);
    }
  }

  private PolicyNode value(JsonToken token, String path) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = Math.max(at.getLineNr(), 0);
    int column = Math.max(at.getColumnNr(), 0);
    if (parser.isCurrentAlias()) {
      // Jackson gives an alias as the text of its name, which would silently be the wrong value.
      problem(at, path, "aliases such as *" + parser.getText() + " are not supported; write the value out");
    }
    return switch (token) {
      case START_OBJECT -> mapping(path, line, column);
      case START_ARRAY -> list(path, line, column);
      case VALUE_STRING -> PolicyNode.text(PolicyNode.Kind.TEXT, path, line, column, parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> PolicyNode.number(path, line, column, parser.getText(), decimal());
      case VALUE_TRUE, VALUE_FALSE ->
          PolicyNode.bool(path, line, column, parser.getText(), token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> PolicyNode.text(PolicyNode.Kind.NOTHING, path, line, column, "");
      default -> throw new IllegalStateException("Unexpected " + token + " at " + line + ":" + column);
    };
  }

  private PolicyNode mapping(String path, int line, int column) throws IOException {
    Map<String, PolicyNode> entries = new LinkedHashMap<>();
    Map<String, PolicyNode> keys = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String childPath = PolicyNode.childPath(path, key);
      JsonLocation keyAt = parser.currentTokenLocation();
      int keyLine = Math.max(keyAt.getLineNr(), 0);
      int keyColumn = Math.max(keyAt.getColumnNr(), 0);
      PolicyNode keyNode = PolicyNode.text(PolicyNode.Kind.TEXT, childPath, keyLine, keyColumn, key);
      PolicyNode value = value(parser.nextToken(), childPath);
      if (value.kind() == PolicyNode.Kind.NOTHING) {
        // An empty value has no position of its own worth showing: point at its key instead.
        value = PolicyNode.text(PolicyNode.Kind.NOTHING, childPath, keyNode.line(), keyNode.column(), "");
      }
      PolicyNode earlier = keys.get(key);
      if (earlier != null) {
        problems.add(new PolicyProblem(source, keyNode.line(), keyNode.column(), childPath,
            "the key '" + key + "' is given twice; the first is at line " + earlier.line()));
        continue;
      }
      keys.put(key, keyNode);
      entries.put(key, value);
    }
    return PolicyNode.mapping(path, line, column, entries, keys);
  }

  private PolicyNode list(String path, int line, int column) throws IOException {
    List<PolicyNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      items.add(value(token, PolicyNode.itemPath(path, items.size())));
    }
    return PolicyNode.list(path, line, column, items);
  }

  private @Nullable BigDecimal decimal() throws IOException {
    try {
      return parser.getDecimalValue();
    } catch (JsonProcessingException | NumberFormatException notFinite) {
      return null;
    }
  }

  private void problem(JsonLocation at, String path, String message) {
    problems.add(new PolicyProblem(source, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), path, message));
  }

  /**
   * Where the YAML went wrong. SnakeYAML's own mark is used when there is one: Jackson's location
   * is where its last token ended, which can be before the real problem (a tab, say).
   */
  private static PolicyProblem syntaxProblem(JsonProcessingException e, String source) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String message = marked.getProblem();
      Mark contextMark = marked.getContextMark();
      if (marked.getContext() != null && contextMark != null) {
        message += " (" + marked.getContext() + " at line " + (contextMark.getLine() + 1) + ", column "
            + (contextMark.getColumn() + 1) + ")";
      }
      return new PolicyProblem(source, mark.getLine() + 1, mark.getColumn() + 1, "", "not valid YAML: " + message);
    }
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
    int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("unreadable");
    if (message.startsWith("Expected a field name")) {
      message = "a key must be plain text, not a list or a mapping";
    }
    return new PolicyProblem(source, line, column, "", "not valid YAML: " + message);
  }
}

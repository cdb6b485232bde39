package org.stpkit.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON file read token by token into {@link LocatedNode}s, so that every value keeps its
 * line and column. Problems a tree cannot hold — a key given twice, an alias, a second document —
 * are collected in {@link #problems()}; text that is not YAML or JSON at all has no root and one
 * problem saying where it went wrong.
 *
 * @param source the file name problems carry
 * @param root the document's root; empty when the text is not well-formed ({@link LocatedNode.Kind#NOTHING} for an empty file)
 * @param problems what is wrong with the text as YAML or JSON, in file order
 */
public record LocatedDocument(String source, Optional<LocatedNode> root, List<Problem> problems) {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  public LocatedDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    problems = List.copyOf(problems);
  }

  /** Reads text: JSON when it starts with '{' or '[', else YAML. */
  public static LocatedDocument parse(String text, String source) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    String start = text.stripLeading();
    boolean json = start.startsWith("{") || start.startsWith("[");
    List<Problem> problems = new ArrayList<>();
    try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
      Reader reader = new Reader(parser, source, problems);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new LocatedDocument(source, Optional.of(LocatedNode.nothing(new LocatedNode.Place(source, "", 1, 1))),
            problems);
      }
      LocatedNode root = reader.value(first, "");
      JsonToken next = parser.nextToken();
      if (next != null) {
        // Jackson reads the documents after '---' one after the other; each file is one document.
        reader.problem(parser.currentTokenLocation(), "", json
            ? "the file holds more than one JSON value; remove what follows the first"
            : "the file holds one YAML document; remove the '---' before this second one");
      }
      return new LocatedDocument(source, Optional.of(root), problems);
    } catch (JsonProcessingException e) {
      return new LocatedDocument(source, Optional.empty(), List.of(syntaxProblem(e, source, json)));
    } catch (IOException e) {
      throw new IllegalStateException("Reading from a string cannot fail", e);
    }
  }

  /**
   * Reads a file as UTF-8. A file that cannot be read (missing, not UTF-8, a directory) is a
   * document without a root and one problem naming the file.
   */
  public static LocatedDocument read(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return unreadable(source, "no such file");
    } catch (IOException e) {
      return unreadable(source, "cannot be read: " + e.getMessage());
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
    } catch (CharacterCodingException e) {
      return unreadable(source, "is not UTF-8 text; save it as UTF-8");
    }
  }

  /** True when the text was well-formed and nothing is wrong with it as YAML or JSON. */
  public boolean isClean() {
    return root.isPresent() && problems.isEmpty();
  }

  private static LocatedDocument unreadable(String source, String message) {
    return new LocatedDocument(source, Optional.empty(), List.of(Problem.of(source, "", message)));
  }

  private static final class Reader {
    private final JsonParser parser;
    private final String source;
    private final List<Problem> problems;

    Reader(JsonParser parser, String source, List<Problem> problems) {
      this.parser = parser;
      this.source = source;
      this.problems = problems;
    }

    LocatedNode value(JsonToken token, String path) throws IOException {
      JsonLocation at = parser.currentTokenLocation();
      LocatedNode.Place place = new LocatedNode.Place(source, path, Math.max(at.getLineNr(), 0),
          Math.max(at.getColumnNr(), 0));
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        // Jackson gives an alias as the text of its name, which would silently be the wrong value.
        problem(at, path, "aliases such as *" + parser.getText() + " are not supported; write the value out");
      }
      return switch (token) {
        case START_OBJECT -> mapping(place);
        case START_ARRAY -> list(place);
        case VALUE_STRING -> LocatedNode.text(place, parser.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> LocatedNode.number(place, parser.getText(), decimal());
        case VALUE_TRUE, VALUE_FALSE -> LocatedNode.bool(place, parser.getText(), token == JsonToken.VALUE_TRUE);
        case VALUE_NULL -> LocatedNode.nothing(place);
        default -> throw new IllegalStateException("Unexpected " + token + " at " + place);
      };
    }

    private LocatedNode mapping(LocatedNode.Place place) throws IOException {
      Map<String, LocatedNode> entries = new LinkedHashMap<>();
      Map<String, LocatedNode> keys = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String childPath = LocatedNode.childPath(place.path(), key);
        JsonLocation keyAt = parser.currentTokenLocation();
        LocatedNode keyNode = LocatedNode.text(new LocatedNode.Place(source, childPath, Math.max(keyAt.getLineNr(), 0),
            Math.max(keyAt.getColumnNr(), 0)), key);
        LocatedNode value = value(parser.nextToken(), childPath);
        if (value.kind() == LocatedNode.Kind.NOTHING) {
          // An empty value has no place of its own worth showing: point at its key instead.
          value = LocatedNode.nothing(new LocatedNode.Place(source, childPath, keyNode.line(), keyNode.column()));
        }
        LocatedNode earlier = keys.get(key);
        if (earlier != null) {
          problems.add(new Problem(source, keyNode.line(), keyNode.column(), childPath,
              "the key '" + key + "' is given twice; the first is at line " + earlier.line()));
          continue;
        }
        keys.put(key, keyNode);
        entries.put(key, value);
      }
      return LocatedNode.mapping(place, entries, keys);
    }

    private LocatedNode list(LocatedNode.Place place) throws IOException {
      List<LocatedNode> items = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
        items.add(value(token, LocatedNode.itemPath(place.path(), items.size())));
      }
      return LocatedNode.list(place, items);
    }

    private @Nullable BigDecimal decimal() throws IOException {
      try {
        return parser.getDecimalValue();
      } catch (JsonProcessingException | NumberFormatException notFinite) {
        return null;
      }
    }

    void problem(JsonLocation at, String path, String message) {
      problems.add(new Problem(source, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), path, message));
    }
  }

  /**
   * Where the text went wrong. SnakeYAML's own mark is used when there is one: Jackson's location is
   * where its last token ended, which can be before the real problem (a tab, say).
   */
  private static Problem syntaxProblem(JsonProcessingException e, String source, boolean json) {
    String what = json ? "not valid JSON: " : "not valid YAML: ";
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String message = marked.getProblem();
      Mark contextMark = marked.getContextMark();
      if (marked.getContext() != null && contextMark != null) {
        message += " (" + marked.getContext() + " at line " + (contextMark.getLine() + 1) + ", column "
            + (contextMark.getColumn() + 1) + ")";
      }
      return new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, "", what + message);
    }
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
    int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("unreadable");
    if (message.startsWith("Expected a field name")) {
      message = "a key must be plain text, not a list or a mapping";
    }
    return new Problem(source, line, column, "", what + message);
  }
}

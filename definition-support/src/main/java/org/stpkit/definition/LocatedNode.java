package org.stpkit.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A value read from a YAML or JSON file with its path in the document ({@code rules[2].when.title})
 * and the line and column it is written at, so that a problem with it can say both. Jackson's own
 * tree drops locations, hence this small immutable tree.
 */
public final class LocatedNode {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** What a value is. */
  public enum Kind { MAPPING, LIST, TEXT, NUMBER, BOOLEAN, NOTHING }

  private final String source;
  private final Kind kind;
  private final String path;
  private final int line;
  private final int column;
  private final String text;
  private final @Nullable BigDecimal number;
  private final boolean truth;
  private final List<LocatedNode> items;
  private final Map<String, LocatedNode> entries;
  private final Map<String, LocatedNode> keys;

  private LocatedNode(String source, Kind kind, String path, int line, int column, String text,
      @Nullable BigDecimal number, boolean truth, List<LocatedNode> items, Map<String, LocatedNode> entries,
      Map<String, LocatedNode> keys) {
    this.source = source;
    this.kind = kind;
    this.path = path;
    this.line = line;
    this.column = column;
    this.text = text;
    this.number = number;
    this.truth = truth;
    this.items = List.copyOf(items);
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  static LocatedNode mapping(Place place, Map<String, LocatedNode> entries, Map<String, LocatedNode> keys) {
    return new LocatedNode(place.source, Kind.MAPPING, place.path, place.line, place.column, "", null, false,
        List.of(), entries, keys);
  }

  static LocatedNode list(Place place, List<LocatedNode> items) {
    return new LocatedNode(place.source, Kind.LIST, place.path, place.line, place.column, "", null, false, items,
        Map.of(), Map.of());
  }

  static LocatedNode text(Place place, String text) {
    return new LocatedNode(place.source, Kind.TEXT, place.path, place.line, place.column, text, null, false,
        List.of(), Map.of(), Map.of());
  }

  static LocatedNode nothing(Place place) {
    return new LocatedNode(place.source, Kind.NOTHING, place.path, place.line, place.column, "", null, false,
        List.of(), Map.of(), Map.of());
  }

  static LocatedNode number(Place place, String text, @Nullable BigDecimal value) {
    return new LocatedNode(place.source, Kind.NUMBER, place.path, place.line, place.column, text, value, false,
        List.of(), Map.of(), Map.of());
  }

  static LocatedNode bool(Place place, String text, boolean value) {
    return new LocatedNode(place.source, Kind.BOOLEAN, place.path, place.line, place.column, text, null, value,
        List.of(), Map.of(), Map.of());
  }

  /** Where a node is: its file, path, line and column. */
  record Place(String source, String path, int line, int column) {}

  /** The path of a key in a mapping at {@code parent}; odd keys are quoted so that paths stay readable. */
  public static String childPath(String parent, String key) {
    if (!PLAIN_KEY.matcher(key).matches()) {
      return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of the item at {@code index} of a list at {@code parent}. */
  public static String itemPath(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** A problem with this value, at its line and column. */
  public Problem problem(String message) {
    return new Problem(source, line, column, path, message);
  }

  /** A problem with a key of this mapping (a misspelt or unknown key), at the key itself. */
  public Problem keyProblem(String key, String message) {
    LocatedNode at = keyNode(key);
    return new Problem(source, at.line, at.column, at.path, message);
  }

  public String source() {
    return source;
  }

  public Kind kind() {
    return kind;
  }

  public boolean is(Kind wanted) {
    return kind == wanted;
  }

  /** The value's path in the document: {@code ""} for the root, then {@code a.b[2].c}. */
  public String path() {
    return path;
  }

  /** 1-based; 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based; 0 when unknown. */
  public int column() {
    return column;
  }

  /** A scalar as written in the file ({@code 007} stays {@code 007}); empty for mappings, lists and nothing. */
  public String text() {
    return text;
  }

  /** A number's value; empty for other kinds, and for numbers Java cannot hold exactly ({@code .inf}, {@code .nan}). */
  public Optional<BigDecimal> number() {
    return Optional.ofNullable(number);
  }

  /** A boolean's value; false for every other kind. */
  public boolean isTrue() {
    return truth;
  }

  /** A list's items; empty for other kinds. */
  public List<LocatedNode> items() {
    return items;
  }

  /** A mapping's entries in file order; empty for other kinds. */
  public Map<String, LocatedNode> entries() {
    return entries;
  }

  public Optional<LocatedNode> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Where a key of this mapping is written, as a text node. */
  public LocatedNode keyNode(String key) {
    LocatedNode node = keys.get(key);
    if (node == null) {
      throw new IllegalArgumentException("No key '" + key + "' at " + (path.isEmpty() ? "the document root" : path));
    }
    return node;
  }

  /**
   * The value at a JSON pointer's segments below this one (keys of mappings, indexes of lists), or
   * the deepest value on the way: how a problem a JSON Schema reports at {@code /pages/3/title} is
   * placed on a line.
   */
  public LocatedNode nearest(List<String> segments) {
    LocatedNode at = this;
    for (String segment : segments) {
      List<LocatedNode> list = at.items;
      Optional<LocatedNode> next = at.kind == Kind.LIST ? index(segment).filter(i -> i < list.size())
          .map(list::get) : at.get(segment);
      if (next.isEmpty()) {
        return at;
      }
      at = next.get();
    }
    return at;
  }

  /**
   * A problem at a JSON pointer below this value ({@code /pages/3/title}, as JSON Schema validators
   * report places): at the line and column of the deepest value that exists on the way, and named
   * by the whole path in this format's syntax ({@code pages[3].title}), so that a missing value is
   * still named exactly.
   */
  public Problem problemAt(String jsonPointer, String message) {
    LocatedNode at = nearest(pointerSegments(jsonPointer));
    return new Problem(source, at.line, at.column, pathAt(jsonPointer), message);
  }

  /**
   * The path, in this format's syntax, of the value at a JSON pointer below this one, whether or not
   * it exists: {@code /pages/3/title} is {@code pages[3].title}. Past the values that exist, a
   * segment of digits is taken for a list index.
   */
  public String pathAt(String jsonPointer) {
    LocatedNode at = this;
    String path = this.path;
    for (String segment : pointerSegments(jsonPointer)) {
      boolean index = at != null ? at.kind == Kind.LIST && index(segment).isPresent() : segment.matches("[0-9]+");
      path = index ? itemPath(path, Integer.parseInt(segment)) : childPath(path, segment);
      if (at != null) {
        LocatedNode current = at;
        at = index ? index(segment).filter(i -> i < current.items.size()).map(current.items::get).orElse(null)
            : current.entries.get(segment);
      }
    }
    return path;
  }

  /** A JSON pointer's segments, unescaped ({@code ~1} is '/', {@code ~0} is '~'); none for {@code ""} or {@code "/"}. */
  public static List<String> pointerSegments(String jsonPointer) {
    if (jsonPointer.isEmpty() || jsonPointer.equals("/")) {
      return List.of();
    }
    String body = jsonPointer.startsWith("/") ? jsonPointer.substring(1) : jsonPointer;
    List<String> segments = new java.util.ArrayList<>();
    for (String segment : body.split("/", -1)) {
      segments.add(segment.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  /** The value as a problem message names it: "a list", "text 'Visas'", "the number 5". */
  public String describe() {
    return switch (kind) {
      case MAPPING -> "a mapping";
      case LIST -> "a list";
      case TEXT -> "text '" + text + "'";
      case NUMBER -> "the number " + text;
      case BOOLEAN -> text.equals("true") || text.equals("false")
          ? text : "'" + text + "', which YAML reads as " + truth;
      case NOTHING -> "nothing";
    };
  }

  /**
   * The same value as a Jackson tree, for JSON Schema validation and data binding. Numbers that
   * Java cannot hold exactly become text.
   */
  public JsonNode toJson() {
    JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    return switch (kind) {
      case MAPPING -> {
        ObjectNode object = nodes.objectNode();
        entries.forEach((key, value) -> object.set(key, value.toJson()));
        yield object;
      }
      case LIST -> {
        ArrayNode array = nodes.arrayNode();
        items.forEach(item -> array.add(item.toJson()));
        yield array;
      }
      case TEXT -> nodes.textNode(text);
      case NUMBER -> number == null ? nodes.textNode(text)
          : number.scale() <= 0 && number.precision() - number.scale() <= 18 ? nodes.numberNode(number.longValueExact())
          : nodes.numberNode(number);
      case BOOLEAN -> nodes.booleanNode(truth);
      case NOTHING -> nodes.nullNode();
    };
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + (path.isEmpty() ? "(root)" : path) + " = " + describe();
  }

  private static Optional<Integer> index(String segment) {
    try {
      return Optional.of(Integer.parseInt(segment));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

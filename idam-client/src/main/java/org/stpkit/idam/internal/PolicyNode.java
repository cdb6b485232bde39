package org.stpkit.idam.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A value read from a policy file with its path in the document ({@code rules[2].when.title}) and
 * the line and column it is written at, so that any problem with it can say both. Jackson's own
 * tree drops locations, hence this small tree of our own.
 */
final class PolicyNode {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  enum Kind { MAPPING, LIST, TEXT, NUMBER, BOOLEAN, NOTHING }

  private final Kind kind;
  private final String path;
  private final int line;
  private final int column;
  private final String text;
  private final @Nullable BigDecimal number;
  private final boolean truth;
  private final List<PolicyNode> items;
  private final Map<String, PolicyNode> entries;
  private final Map<String, PolicyNode> keys;

  private PolicyNode(Kind kind, String path, int line, int column, String text, @Nullable BigDecimal number,
      boolean truth, List<PolicyNode> items, Map<String, PolicyNode> entries, Map<String, PolicyNode> keys) {
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

  /** A mapping; {@code keys} holds, for each key, a text node where the key itself is written. */
  static PolicyNode mapping(String path, int line, int column, Map<String, PolicyNode> entries,
      Map<String, PolicyNode> keys) {
    return new PolicyNode(Kind.MAPPING, path, line, column, "", null, false, List.of(), entries, keys);
  }

  static PolicyNode list(String path, int line, int column, List<PolicyNode> items) {
    return new PolicyNode(Kind.LIST, path, line, column, "", null, false, items, Map.of(), Map.of());
  }

  /** Text, or nothing (an empty value or {@code ~}), as written. */
  static PolicyNode text(Kind kind, String path, int line, int column, String text) {
    if (kind != Kind.TEXT && kind != Kind.NOTHING) {
      throw new IllegalArgumentException("Not a text kind: " + kind);
    }
    return new PolicyNode(kind, path, line, column, text, null, false, List.of(), Map.of(), Map.of());
  }

  /**
   * A number as written; {@code value} is empty when Java cannot hold it exactly ({@code .inf},
   * {@code .nan}).
   */
  static PolicyNode number(String path, int line, int column, String text, @Nullable BigDecimal value) {
    return new PolicyNode(Kind.NUMBER, path, line, column, text, value, false, List.of(), Map.of(), Map.of());
  }

  /** A boolean as written: YAML 1.1 also reads {@code yes}, {@code no}, {@code on} and {@code off} as booleans. */
  static PolicyNode bool(String path, int line, int column, String text, boolean value) {
    return new PolicyNode(Kind.BOOLEAN, path, line, column, text, null, value, List.of(), Map.of(), Map.of());
  }

  /** The path of a key in a mapping at {@code parent}; odd keys are quoted so paths stay readable. */
  static String childPath(String parent, String key) {
    if (!PLAIN_KEY.matcher(key).matches()) {
      return parent + "[\"" + key + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String itemPath(String parent, int index) {
    return parent + "[" + index + "]";
  }

  Kind kind() {
    return kind;
  }

  String path() {
    return path;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  /** A scalar as written in the file ({@code 007} stays {@code 007}); empty for the rest. */
  String text() {
    return text;
  }

  Optional<BigDecimal> number() {
    return Optional.ofNullable(number);
  }

  /** A boolean's value; false for every other kind. */
  boolean isTrue() {
    return truth;
  }

  List<PolicyNode> items() {
    return items;
  }

  Map<String, PolicyNode> entries() {
    return entries;
  }

  Optional<PolicyNode> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Where a key of this mapping is written (for problems with the key rather than its value). */
  PolicyNode keyNode(String key) {
    PolicyNode node = keys.get(key);
    if (node == null) {
      throw new IllegalArgumentException("No key '" + key + "' at " + path);
    }
    return node;
  }

  /** The value as a problem message names it: "a list", "text 'Visas'", "the number 5". */
  String describe() {
    return switch (kind) {
      case MAPPING -> "a mapping";
      case LIST -> "a list";
      case TEXT -> "text '" + text + "'";
      case NUMBER -> "the number " + text;
      case BOOLEAN -> text.equals("true") || text.equals("false")
          ? text : "'" + text + "', which YAML reads as " + isTrue();
      case NOTHING -> "nothing";
    };
  }
}

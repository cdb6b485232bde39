package org.stpkit.templates.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Markup;

/**
 * Checks params against a component's documented options before rendering, so that a wrong type
 * or a missing required param is reported by its path instead of as a template error.
 *
 * <p>It is as lenient as govuk-frontend itself where the official fixtures rely on it: falsy values
 * ({@code false}, {@code 0}, {@code ""}, {@code null}) stand for "not given" whatever the documented
 * type; numbers and booleans are accepted for strings (JavaScript converts them); unknown params are
 * ignored.
 */
public final class ParamValidator {
  /** A param found wrong: the path and what is wrong with it. */
  public record Problem(String path, String message) {}

  /**
   * Documented as required, yet govuk-frontend's own fixtures leave them out and the template has a
   * default (back link's {@code href="#"}, a character count with either limit, and so on).
   */
  private static final Map<String, Set<String>> REQUIRED_WITH_DEFAULTS = Map.of(
      "back-link", Set.of("href"),
      "character-count", Set.of("maxlength", "maxwords"),
      "checkboxes", Set.of("items[].value"),
      "radios", Set.of("items[].value"),
      "phase-banner", Set.of("tag"),
      "select", Set.of("items"),
      "service-navigation", Set.of("navigation"),
      "tabs", Set.of("items", "items[].id"));

  private static final String TABLE_ROWS = "table:rows";

  private final Map<String, MacroOptions> optionsByComponent = new ConcurrentHashMap<>();

  public @Nullable Problem check(String component, Map<?, ?> params) {
    MacroOptions options = optionsByComponent.computeIfAbsent(component, MacroOptions::load);
    return checkObject(component, options, params, "", "");
  }

  private @Nullable Problem checkObject(
      String component, MacroOptions options, Map<?, ?> value, String path, String schemaPath) {
    for (Map.Entry<String, List<MacroOptions.Option>> entry : options.byName().entrySet()) {
      String name = entry.getKey();
      Object given = value.get(name);
      String childPath = path.isEmpty() ? name : path + "." + name;
      String childSchemaPath = schemaPath.isEmpty() ? name : schemaPath + "." + name;
      List<MacroOptions.Option> alternatives = entry.getValue();
      if (given == null) {
        if (isRequired(component, alternatives, name, childSchemaPath)) {
          return new Problem(childPath, "is required");
        }
        continue;
      }
      if (isFalsy(given)) {
        continue;
      }
      Problem firstProblem = null;
      for (MacroOptions.Option option : alternatives) {
        Problem problem = checkValue(component, option, given, childPath, childSchemaPath);
        if (problem == null) {
          firstProblem = null;
          break;
        }
        if (firstProblem == null) {
          firstProblem = problem;
        }
      }
      if (firstProblem != null) {
        return firstProblem;
      }
    }
    return null;
  }

  private @Nullable Problem checkValue(
      String component, MacroOptions.Option option, Object given, String path, String schemaPath) {
    // Heading levels become part of a tag name (<h{{ level }}>), where escaping cannot help.
    if (option.name().endsWith("eadingLevel") && !given.toString().trim().matches("[1-6]")) {
      return new Problem(path, "must be a heading level from 1 to 6 but was " + describe(given));
    }
    switch (option.type()) {
      case "string":
        if (given instanceof Map || given instanceof List) {
          return new Problem(path, "must be a string but was " + describe(given));
        }
        return null;
      case "integer":
        if (given instanceof Number) {
          return null;
        }
        if (given instanceof String && ((String) given).trim().matches("-?\\d+")) {
          return null;
        }
        return new Problem(path, "must be a whole number but was " + describe(given));
      case "boolean":
        if (given instanceof Map || given instanceof List) {
          return new Problem(path, "must be true or false but was " + describe(given));
        }
        return null;
      case "object":
        // govukAttributes also takes trusted markup, as govuk-frontend's own templates pass it.
        if (option.name().equals("attributes") && (given instanceof CharSequence || given instanceof Markup)) {
          return null;
        }
        if (!(given instanceof Map)) {
          return new Problem(path, "must be an object but was " + describe(given));
        }
        return checkObject(component, option.nested(), (Map<?, ?>) given, path, schemaPath);
      case "array":
        if (!(given instanceof List)) {
          return new Problem(path, "must be an array but was " + describe(given));
        }
        List<?> items = (List<?>) given;
        if (TABLE_ROWS.equals(component + ":" + schemaPath)) {
          return checkTableRows(component, option, items, path, schemaPath);
        }
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          if (item == null || isFalsy(item) || option.nested().byName().isEmpty()) {
            continue;
          }
          String itemPath = path + "[" + i + "]";
          if (!(item instanceof Map)) {
            return new Problem(itemPath, "must be an object but was " + describe(item));
          }
          Problem problem = checkObject(component, option.nested(), (Map<?, ?>) item, itemPath, schemaPath + "[]");
          if (problem != null) {
            return problem;
          }
        }
        return null;
      default:
        return null;
    }
  }

  /**
   * A table's rows are arrays of cells, though macro-options.json documents the cell's params
   * directly under {@code rows}.
   */
  private @Nullable Problem checkTableRows(
      String component, MacroOptions.Option option, List<?> rows, String path, String schemaPath) {
    for (int r = 0; r < rows.size(); r++) {
      Object row = rows.get(r);
      if (row == null || isFalsy(row)) {
        continue;
      }
      String rowPath = path + "[" + r + "]";
      if (!(row instanceof List)) {
        return new Problem(rowPath, "must be an array of cells but was " + describe(row));
      }
      List<?> cells = (List<?>) row;
      for (int c = 0; c < cells.size(); c++) {
        Object cell = cells.get(c);
        if (cell == null || isFalsy(cell)) {
          continue;
        }
        String cellPath = rowPath + "[" + c + "]";
        if (!(cell instanceof Map)) {
          return new Problem(cellPath, "must be an object but was " + describe(cell));
        }
        Problem problem = checkObject(component, option.nested(), (Map<?, ?>) cell, cellPath, schemaPath + "[][]");
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static boolean isRequired(
      String component, List<MacroOptions.Option> alternatives, String name, String schemaPath) {
    boolean required = alternatives.stream().anyMatch(MacroOptions.Option::required);
    if (!required) {
      return false;
    }
    // "text" and "html" are documented as both required: either one will do, and both may be
    // empty (an empty label is a govuk-frontend fixture), so neither is enforced on its own.
    if (name.endsWith("text") || name.endsWith("html") || name.endsWith("Text") || name.endsWith("Html")) {
      return false;
    }
    return !REQUIRED_WITH_DEFAULTS.getOrDefault(component, Set.of()).contains(schemaPath);
  }

  private static boolean isFalsy(Object value) {
    if (value instanceof Boolean) {
      return !((Boolean) value);
    }
    if (value instanceof Number) {
      double asDouble = ((Number) value).doubleValue();
      return asDouble == 0 || Double.isNaN(asDouble);
    }
    if (value instanceof CharSequence) {
      return ((CharSequence) value).length() == 0;
    }
    return false;
  }

  private static String describe(Object value) {
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof CharSequence) {
      return "the string \"" + abbreviate(value.toString()) + "\"";
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    return "a " + value.getClass().getSimpleName();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}

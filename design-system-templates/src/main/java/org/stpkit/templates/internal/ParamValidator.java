package org.stpkit.templates.internal;

import java.util.List;
import java.util.Map;
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

  private final Map<String, MacroOptions> optionsByComponent = new ConcurrentHashMap<>();

  public @Nullable Problem check(String component, Map<?, ?> params) {
    MacroOptions options = optionsByComponent.computeIfAbsent(component, MacroOptions::load);
    return checkObject(options, params, null);
  }

  /**
   * Paths are only spelled out for a problem, so a check that passes (nearly all of them) builds no
   * strings: {@code path} is the way to the value as a chain of steps, null at the top.
   */
  private @Nullable Problem checkObject(MacroOptions options, Map<?, ?> value, @Nullable PathStep path) {
    for (MacroOptions.Param param : options.params()) {
      Object given = value.get(param.name());
      if (given == null) {
        if (param.required()) {
          return new Problem(PathStep.name(path, param.name()).toString(), "is required");
        }
        continue;
      }
      if (isFalsy(given)) {
        continue;
      }
      Problem firstProblem = null;
      for (MacroOptions.Option option : param.alternatives()) {
        Problem problem = checkValue(option, given, path);
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

  /** Checks {@code given} as {@code option}, found in the object at {@code parent}. */
  private @Nullable Problem checkValue(MacroOptions.Option option, Object given, @Nullable PathStep parent) {
    // Heading levels become part of a tag name (<h{{ level }}>), where escaping cannot help.
    if (option.headingLevel() && !isHeadingLevel(given)) {
      return problem(parent, option, "must be a heading level from 1 to 6 but was " + describe(given));
    }
    switch (option.type()) {
      case "string":
        if (given instanceof Map || given instanceof List) {
          return problem(parent, option, "must be a string but was " + describe(given));
        }
        return null;
      case "integer":
        if (given instanceof Number || (given instanceof String && isWholeNumber((String) given))) {
          return null;
        }
        return problem(parent, option, "must be a whole number but was " + describe(given));
      case "boolean":
        if (given instanceof Map || given instanceof List) {
          return problem(parent, option, "must be true or false but was " + describe(given));
        }
        return null;
      case "object":
        // govukAttributes also takes trusted markup, as govuk-frontend's own templates pass it.
        if (option.name().equals("attributes") && (given instanceof CharSequence || given instanceof Markup)) {
          return null;
        }
        if (!(given instanceof Map)) {
          return problem(parent, option, "must be an object but was " + describe(given));
        }
        return checkObject(option.nested(), (Map<?, ?>) given, PathStep.name(parent, option.name()));
      case "array":
        if (!(given instanceof List)) {
          return problem(parent, option, "must be an array but was " + describe(given));
        }
        return option.tableRows()
            ? checkTableRows(option, (List<?>) given, PathStep.name(parent, option.name()))
            : checkItems(option, (List<?>) given, PathStep.name(parent, option.name()));
      default:
        return null;
    }
  }

  private @Nullable Problem checkItems(MacroOptions.Option option, List<?> items, PathStep path) {
    if (option.nested().params().isEmpty()) {
      return null;
    }
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item == null || isFalsy(item)) {
        continue;
      }
      if (!(item instanceof Map)) {
        return new Problem(PathStep.index(path, i).toString(), "must be an object but was " + describe(item));
      }
      Problem problem = checkObject(option.nested(), (Map<?, ?>) item, PathStep.index(path, i));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /**
   * A table's rows are arrays of cells, though macro-options.json documents the cell's params
   * directly under {@code rows}.
   */
  private @Nullable Problem checkTableRows(MacroOptions.Option option, List<?> rows, PathStep path) {
    for (int r = 0; r < rows.size(); r++) {
      Object row = rows.get(r);
      if (row == null || isFalsy(row)) {
        continue;
      }
      PathStep rowPath = PathStep.index(path, r);
      if (!(row instanceof List)) {
        return new Problem(rowPath.toString(), "must be an array of cells but was " + describe(row));
      }
      Problem problem = checkItems(option, (List<?>) row, rowPath);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static Problem problem(@Nullable PathStep parent, MacroOptions.Option option, String message) {
    return new Problem(PathStep.name(parent, option.name()).toString(), message);
  }

  /** One step of the way to a param: a name ({@code .label}) or an index ({@code [2]}). */
  private record PathStep(@Nullable PathStep parent, @Nullable String name, int index) {
    static PathStep name(@Nullable PathStep parent, String name) {
      return new PathStep(parent, name, -1);
    }

    static PathStep index(PathStep parent, int index) {
      return new PathStep(parent, null, index);
    }

    @Override
    public String toString() {
      String prefix = parent == null ? "" : parent.toString();
      if (name == null) {
        return prefix + "[" + index + "]";
      }
      return prefix.isEmpty() ? name : prefix + "." + name;
    }
  }

  private static boolean isHeadingLevel(Object given) {
    String level = given.toString().trim();
    return level.length() == 1 && level.charAt(0) >= '1' && level.charAt(0) <= '6';
  }

  private static boolean isWholeNumber(String text) {
    String number = text.trim();
    int start = number.startsWith("-") ? 1 : 0;
    if (number.length() == start) {
      return false;
    }
    for (int i = start; i < number.length(); i++) {
      if (number.charAt(i) < '0' || number.charAt(i) > '9') {
        return false;
      }
    }
    return true;
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

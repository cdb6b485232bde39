package org.stpkit.templates.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A component's documented params, from govuk-frontend's {@code macro-options.json} or, for MoJ
 * Frontend, whose documentation has them only as prose tables, from the kit's transcription in the
 * same format ({@code moj-macro-options/<macro>.json}); the build writes both into one compact file
 * ({@link Documents}). Here they take the form {@link ParamValidator} walks on every render: each name
 * once, with whether it is enforced as required worked out when it is read. A name may be
 * documented more than once with different types (service navigation's {@code slots.end} is a
 * string or an object), so each name has a list of alternatives.
 */
public final class MacroOptions {
  /** A documented param name: whether a value must be given, and the types it may have. */
  public record Param(String name, boolean required, List<Option> alternatives) {}

  /**
   * One documented type of a param. {@code headingLevel}: the value becomes part of a tag name.
   * {@code tableRows}: an array of arrays of the nested params (a table's rows).
   */
  public record Option(String name, String type, boolean headingLevel, boolean tableRows, MacroOptions nested) {}

  /** Params documented as "isComponent", by name, and the component whose params they take. */
  private static final Map<String, String> COMPONENT_PARAMS = Map.of(
      "hint", "hint",
      "label", "label",
      "errorMessage", "error-message",
      "fieldset", "fieldset",
      "tag", "tag");

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

  private static final MacroOptions NONE = new MacroOptions(List.of());

  private final List<Param> params;

  private MacroOptions(List<Param> params) {
    this.params = params;
  }

  /** The documented params, in the order of the documentation. */
  public List<Param> params() {
    return params;
  }

  public static MacroOptions load(String component) {
    return load(component, component, "");
  }

  /** {@code component}'s options as found at {@code schemaPath} in {@code outer}'s params. */
  private static MacroOptions load(String outer, String component, String schemaPath) {
    return build(outer, documented(component), schemaPath);
  }

  /** A component's options as documented, from the compact file the build writes. */
  private static List<Documented> documented(String component) {
    List<Documented> options = Documents.ALL.get(component);
    if (options == null) {
      throw new IllegalStateException(Documents.RESOURCE + " has no options for the component " + component);
    }
    return options;
  }

  /**
   * An option as documented, before the schema paths and required-ness are worked out. {@code
   * component}: the component whose params the option takes (the kit's MoJ transcriptions say so
   * where govuk-frontend's files say {@code isComponent} and leave the component to its name).
   */
  private record Documented(String name, String type, boolean required, boolean isComponent,
      @Nullable String component, boolean isHeadingLevel, @Nullable List<Documented> params) {}

  /**
   * Every component's options as documented, read at the first check of params. The build writes
   * them from govuk-frontend's {@code macro-options.json} files and the kit's MoJ transcriptions
   * into one tab-separated file without their prose ({@code src/build/compact-macro-options.js},
   * which describes the format): parsing the JSON documents took more CPU than the rest of a short
   * {@code stp render --batch}'s start (benchmarks/README.md, 2026-12-07).
   */
  private static final class Documents {
    static final String RESOURCE = "macro-options.tsv";
    static final Map<String, List<Documented>> ALL = read();

    private static Map<String, List<Documented>> read() {
      String text;
      try (InputStream in = MacroOptions.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The jar lacks " + RESOURCE + "; was it built without the npm step?");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
      List<String> lines = text.lines().toList();
      Map<String, List<Documented>> all = new HashMap<>();
      int[] next = {0};
      while (next[0] < lines.size()) {
        String line = lines.get(next[0]++);
        if (!line.startsWith("@")) {
          throw new IllegalStateException(RESOURCE + " line " + next[0] + ": expected @<component>, found: " + line);
        }
        all.put(line.substring(1), options(lines, next, 0));
      }
      return Map.copyOf(all);
    }

    /** The options at {@code depth} from line {@code next[0]} on, each with those nested in it. */
    private static List<Documented> options(List<String> lines, int[] next, int depth) {
      List<Documented> options = new ArrayList<>();
      while (next[0] < lines.size() && !lines.get(next[0]).startsWith("@")) {
        String[] fields = lines.get(next[0]).split("\t", -1);
        if (fields.length != 5) {
          throw new IllegalStateException(RESOURCE + " line " + (next[0] + 1) + ": expected 5 fields, found " + fields.length);
        }
        int at = Integer.parseInt(fields[0]);
        if (at < depth) {
          break;
        }
        next[0]++;
        String flags = fields[3];
        List<Documented> params = flags.indexOf('p') >= 0 ? options(lines, next, depth + 1) : null;
        options.add(new Documented(fields[1], fields[2], flags.indexOf('r') >= 0, flags.indexOf('c') >= 0,
            fields[4].isEmpty() ? null : fields[4], flags.indexOf('h') >= 0, params));
      }
      return List.copyOf(options);
    }
  }

  private static MacroOptions build(String component, List<Documented> options, String schemaPath) {
    Map<String, List<Option>> byName = new LinkedHashMap<>();
    Map<String, Boolean> documentedRequired = new LinkedHashMap<>();
    for (Documented option : options) {
      String name = option.name();
      String childSchemaPath = child(schemaPath, name);
      String nestedSchemaPath = childSchemaPath + ("array".equals(option.type()) ? "[]" : "");
      boolean tableRows = "table".equals(component) && "rows".equals(childSchemaPath);
      MacroOptions nested = NONE;
      if (option.params() != null) {
        nested = build(component, option.params(), tableRows ? nestedSchemaPath + "[]" : nestedSchemaPath);
      } else if (option.component() != null) {
        nested = load(component, option.component(), nestedSchemaPath);
      } else if (option.isComponent() && COMPONENT_PARAMS.containsKey(name)) {
        // "isComponent" params take another component's params, documented there.
        nested = load(component, COMPONENT_PARAMS.get(name), nestedSchemaPath);
      }
      byName.computeIfAbsent(name, key -> new ArrayList<>())
          .add(new Option(name, option.type(), name.endsWith("eadingLevel") || option.isHeadingLevel(), tableRows, nested));
      documentedRequired.merge(name, option.required(), Boolean::logicalOr);
    }
    List<Param> params = new ArrayList<>(byName.size());
    byName.forEach((name, alternatives) -> params.add(new Param(
        name,
        enforcedAsRequired(component, name, documentedRequired.get(name), child(schemaPath, name)),
        List.copyOf(alternatives))));
    return new MacroOptions(List.copyOf(params));
  }

  private static String child(String schemaPath, String name) {
    return schemaPath.isEmpty() ? name : schemaPath + "." + name;
  }

  private static boolean enforcedAsRequired(String component, String name, boolean documented, String schemaPath) {
    if (!documented) {
      return false;
    }
    // "text" and "html" are documented as both required: either one will do, and both may be
    // empty (an empty label is a govuk-frontend fixture), so neither is enforced on its own.
    if (name.endsWith("text") || name.endsWith("html") || name.endsWith("Text") || name.endsWith("Html")) {
      return false;
    }
    return !REQUIRED_WITH_DEFAULTS.getOrDefault(component, Set.of()).contains(schemaPath);
  }
}

package org.stpkit.templates.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A component's documented params, read from govuk-frontend's {@code macro-options.json} (copied
 * into the jar by the build) or, for MoJ Frontend, whose documentation has them only as prose
 * tables, from the kit's transcription in the same format ({@code moj-macro-options/<macro>.json}),
 * in the form {@link ParamValidator} walks on every render: each name
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

  /** Streaming parser only: the documents are small and read once, and databind costs start-up time. */
  private static final JsonFactory JSON = new JsonFactory();

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

  /** Each component's options as documented, by component name; see {@link #documented}. */
  private static final Map<String, List<Documented>> DOCUMENTED = new ConcurrentHashMap<>();

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

  /**
   * A component's options as documented, read once: the shared ones (hint, label, error message,
   * fieldset) are nested in dozens of components, and reading a document is most of the cost.
   */
  private static List<Documented> documented(String component) {
    List<Documented> known = DOCUMENTED.get(component);
    if (known == null) {
      known = read(component);
      DOCUMENTED.putIfAbsent(component, known);
    }
    return known;
  }

  private static List<Documented> read(String component) {
    String resource = ComponentRegistry.find(component)
        .orElseThrow(() -> new IllegalStateException("No component " + component))
        .optionsResource();
    try (InputStream in = MacroOptions.class.getResourceAsStream(resource);
        JsonParser parser = in == null ? null : JSON.createParser(in)) {
      if (parser == null) {
        throw new IllegalStateException(
            "The jar lacks " + resource + "; was it built without the npm step?");
      }
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException(resource + " is not a JSON array of options");
      }
      return readOptions(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * An option as documented, before the schema paths and required-ness are worked out. {@code
   * component}: the component whose params the option takes (the kit's MoJ transcriptions say so
   * where govuk-frontend's files say {@code isComponent} and leave the component to its name).
   */
  private record Documented(String name, String type, boolean required, boolean isComponent,
      @Nullable String component, boolean isHeadingLevel, @Nullable List<Documented> params) {}

  /** The options of the array the parser has just entered, up to its end. */
  private static List<Documented> readOptions(JsonParser parser) throws IOException {
    List<Documented> options = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      String name = "";
      String type = "";
      boolean required = false;
      boolean isComponent = false;
      String component = null;
      boolean isHeadingLevel = false;
      List<Documented> params = null;
      String field;
      while ((field = parser.nextFieldName()) != null) {
        JsonToken value = parser.nextToken();
        switch (field) {
          case "name" -> name = parser.getValueAsString("");
          case "type" -> type = parser.getValueAsString("");
          case "required" -> required = value == JsonToken.VALUE_TRUE;
          case "isComponent" -> isComponent = value == JsonToken.VALUE_TRUE;
          case "component" -> component = parser.getValueAsString();
          case "isHeadingLevel" -> isHeadingLevel = value == JsonToken.VALUE_TRUE;
          case "params" -> {
            if (value == JsonToken.START_ARRAY) {
              params = readOptions(parser);
            } else {
              parser.skipChildren();
            }
          }
          default -> parser.skipChildren(); // descriptions
        }
      }
      options.add(new Documented(name, type, required, isComponent, component, isHeadingLevel, params));
    }
    return List.copyOf(options);
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

package org.stpkit.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's documented params, read from govuk-frontend's {@code macro-options.json} (copied
 * into the jar by the build). A name may be documented more than once with different types
 * (service navigation's {@code slots.end} is a string or an object), so each name maps to a list.
 */
public final class MacroOptions {
  /** One documented param. */
  public record Option(String name, String type, boolean required, MacroOptions nested) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Params documented as "isComponent", by name, and the component whose params they take. */
  private static final Map<String, String> COMPONENT_PARAMS = Map.of(
      "hint", "hint",
      "label", "label",
      "errorMessage", "error-message",
      "fieldset", "fieldset",
      "tag", "tag");

  private final Map<String, List<Option>> byName;

  private MacroOptions(Map<String, List<Option>> byName) {
    this.byName = byName;
  }

  public Map<String, List<Option>> byName() {
    return byName;
  }

  public static MacroOptions load(String component) {
    String resource = "macro-options/" + component + "/macro-options.json";
    try (InputStream in = MacroOptions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The jar lacks " + resource + "; was it built without the npm step?");
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private static MacroOptions parse(JsonNode options) {
    Map<String, List<Option>> byName = new LinkedHashMap<>();
    for (JsonNode option : options) {
      JsonNode nested = option.path("params");
      MacroOptions nestedOptions = nested.isArray() ? parse(nested) : new MacroOptions(Map.of());
      String component = COMPONENT_PARAMS.get(option.path("name").asText());
      if (!nested.isArray() && option.path("isComponent").asBoolean(false) && component != null) {
        // "isComponent" params take another component's params, documented there.
        nestedOptions = load(component);
      }
      Option parsed = new Option(
          option.path("name").asText(),
          option.path("type").asText(),
          option.path("required").asBoolean(false),
          nestedOptions);
      byName.computeIfAbsent(parsed.name(), name -> new ArrayList<>()).add(parsed);
    }
    byName.replaceAll((name, list) -> List.copyOf(list));
    return new MacroOptions(Map.copyOf(byName));
  }
}

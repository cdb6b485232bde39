package org.stpkit.cli.internal.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema read into what its reference page shows: one section per object (the document,
 * each {@code $defs} entry, each object written inline), each with a row per property: its name,
 * whether it is required, its type (linking to the section of a referenced definition), its
 * description and its constraints. The words around them are the template's; the facts are the
 * schema's, so that a format is described in one place only.
 */
final class SchemaReference {
  private final JsonNode schema;
  private final List<Map<String, Object>> sections = new ArrayList<>();
  private final Set<String> ids = new LinkedHashSet<>();
  private final Map<String, String> definitionIds = new LinkedHashMap<>();

  private SchemaReference(JsonNode schema) {
    this.schema = schema;
  }

  /** The sections of the reference, as the template reads them (maps and lists). */
  static List<Map<String, Object>> sections(JsonNode schema) {
    SchemaReference reference = new SchemaReference(schema);
    reference.build();
    return reference.sections;
  }

  private void build() {
    JsonNode definitions = schema.path("$defs");
    // Ids first, so that a property can link to a definition described further down.
    String rootId = unique(slug(schema.path("title").asText("document")));
    for (Iterator<String> names = definitions.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      definitionIds.put(name, unique(slug(name)));
    }
    section(rootId, schema.path("title").asText("The document"), schema, "");
    for (Map.Entry<String, String> definition : definitionIds.entrySet()) {
      section(definition.getValue(), definition.getKey(), definitions.path(definition.getKey()), definition.getKey());
    }
  }

  private void section(String id, String title, JsonNode node, String path) {
    Map<String, Object> section = new LinkedHashMap<>();
    // Listed before what it refers to: objects written inline get sections after the one they are in.
    sections.add(section);
    section.put("id", id);
    section.put("title", title);
    section.put("root", path.isEmpty());
    section.put("description", node.path("description").asText(""));
    List<Map<String, Object>> rows = new ArrayList<>();
    section.put("rows", rows);
    // An object's own type is its table of properties; anything else is described by its type.
    section.put("type", node.has("properties") ? List.of() : type(node, path));
    section.put("details", details(node));
    JsonNode properties = node.path("properties");
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(name -> required.add(name.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals("$schema")) {
        continue;
      }
      String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", unique(id + "-" + slug(field.getKey())));
      row.put("name", field.getKey());
      row.put("required", required.contains(field.getKey()));
      row.put("type", type(field.getValue(), childPath));
      row.put("description", field.getValue().path("description").asText(""));
      row.put("details", details(field.getValue()));
      rows.add(row);
    }
    section.put("hasProperties", !rows.isEmpty() || properties.isObject());
    section.put("closed", node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean());
  }

  /**
   * A value's type as parts of text, each linking to a section or not: "list of [page]",
   * "text or [condition]".
   */
  private List<Map<String, String>> type(JsonNode node, String path) {
    List<Map<String, String>> parts = new ArrayList<>();
    if (node.has("$ref")) {
      String name = node.get("$ref").asText().replaceFirst("^#/\\$defs/", "");
      parts.add(part(name, definitionIds.getOrDefault(name, "")));
    } else if (node.has("const")) {
      parts.add(part(node.get("const").asText(), ""));
    } else if (node.has("enum")) {
      parts.add(part("one of the values below", ""));
    } else if (node.has("oneOf") || node.has("anyOf")) {
      JsonNode options = node.has("oneOf") ? node.get("oneOf") : node.get("anyOf");
      for (int i = 0; i < options.size(); i++) {
        if (i > 0) {
          parts.add(part(" or ", ""));
        }
        parts.addAll(type(options.get(i), path + " (" + optionName(options.get(i), i) + ")"));
      }
    } else if (node.path("type").isArray()) {
      for (int i = 0; i < node.get("type").size(); i++) {
        if (i > 0) {
          parts.add(part(" or ", ""));
        }
        parts.add(part(simpleType(node.get("type").get(i).asText()), ""));
      }
    } else {
      String type = node.path("type").asText(node.has("properties") ? "object" : "");
      switch (type) {
        case "array" -> {
          parts.add(part("list of ", ""));
          parts.addAll(node.has("items") ? type(node.get("items"), path) : List.of(part("anything", "")));
        }
        case "object" -> {
          if (node.has("properties") && !path.isEmpty()) {
            String id = unique(slug(path));
            parts.add(part(path, id));
            section(id, path, node, path);
          } else if (node.path("additionalProperties").isObject()) {
            parts.add(part("mapping of names to ", ""));
            parts.addAll(type(node.get("additionalProperties"), path));
          } else {
            parts.add(part("mapping", ""));
          }
        }
        case "" -> parts.add(part(node.has("allOf") ? "see below" : "anything", ""));
        default -> parts.add(part(simpleType(type), ""));
      }
    }
    return parts;
  }

  /** An alternative named by its required keys ({@code startsWith}), else by its keys, else by its place. */
  private static String optionName(JsonNode option, int index) {
    List<String> keys = new ArrayList<>();
    option.path("required").forEach(key -> keys.add(key.asText()));
    if (keys.isEmpty()) {
      option.path("properties").fieldNames().forEachRemaining(keys::add);
    }
    return keys.isEmpty() ? "option " + (index + 1) : String.join(", ", keys);
  }

  private static String simpleType(String type) {
    return switch (type) {
      case "string" -> "text";
      case "integer" -> "whole number";
      case "number" -> "number";
      case "boolean" -> "true or false";
      case "null" -> "nothing";
      case "array" -> "list";
      case "object" -> "mapping";
      default -> type;
    };
  }

  /** A value's constraints, each a label and a value for the template to word. */
  private static List<Map<String, String>> details(JsonNode node) {
    List<Map<String, String>> details = new ArrayList<>();
    if (node.has("enum")) {
      List<String> values = new ArrayList<>();
      node.get("enum").forEach(value -> values.add(value.asText()));
      details.add(detail("values", String.join(", ", values)));
    }
    for (String keyword : List.of("default", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties")) {
      if (node.has(keyword)) {
        JsonNode value = node.get(keyword);
        details.add(detail(keyword, value.isValueNode() ? value.asText() : value.toString()));
      }
    }
    if (node.path("uniqueItems").asBoolean(false)) {
      details.add(detail("uniqueItems", "true"));
    }
    if (node.path("propertyNames").has("pattern")) {
      details.add(detail("propertyNames", node.path("propertyNames").path("pattern").asText()));
    }
    node.path("examples").forEach(example -> details.add(detail("example", example.isValueNode() ? example.asText() : example.toString())));
    return details;
  }

  private static Map<String, String> part(String text, String link) {
    return Map.of("text", text, "link", link);
  }

  private static Map<String, String> detail(String label, String value) {
    return Map.of("label", label, "value", value);
  }

  private String unique(String id) {
    String candidate = id;
    for (int n = 2; !ids.add(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "section" : slug;
  }
}

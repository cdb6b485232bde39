package org.stpkit.cli.internal.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A JSON Schema for the {@code stp.*} keys of an {@code application.yaml}, made from the
 * configuration metadata the Spring Boot starters' annotation processor writes into their jar
 * ({@code META-INF/spring-configuration-metadata.json}): the properties are described once, in
 * their {@code @ConfigurationProperties} records, and a sample that names a key they do not have
 * fails the build. Keys outside {@code stp} (Spring's own) are not checked. Keys are in Spring's
 * canonical kebab case ({@code session-timeout}), as the site's samples write them.
 */
final class SpringPropertiesSchema {
  static final String METADATA = "META-INF/spring-configuration-metadata.json";
  private static final String PREFIX = "stp.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpringPropertiesSchema() {}

  /** The schema, from every metadata file on the class path; empty when none names an {@code stp.} key. */
  static Optional<JsonNode> fromClassPath(ClassLoader classes) {
    TreeMap<String, JsonNode> properties = new TreeMap<>();
    try {
      Enumeration<URL> files = classes.getResources(METADATA);
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          for (JsonNode property : JSON.readTree(in).path("properties")) {
            if (property.path("name").asText().startsWith(PREFIX)) {
              properties.put(property.path("name").asText(), property);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + METADATA, e);
    }
    if (properties.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("title", "Spring Boot application properties");
    schema.put("description", "The stp.* properties of the STP Kit starters, in application.yaml.");
    schema.put("type", "object");
    for (JsonNode property : properties.values()) {
      ObjectNode parent = schema;
      String[] segments = property.path("name").asText().split("\\.");
      for (int i = 0; i < segments.length - 1; i++) {
        parent = group(parent, segments[i]);
      }
      ((ObjectNode) parent.withObject("/properties")).set(segments[segments.length - 1], leaf(property));
    }
    return Optional.of(schema);
  }

  /** The object for a group such as {@code stp.notify}: only the keys the metadata names. */
  private static ObjectNode group(ObjectNode parent, String name) {
    ObjectNode properties = parent.withObject("/properties");
    JsonNode existing = properties.get(name);
    if (existing instanceof ObjectNode group && group.has("properties")) {
      return group;
    }
    ObjectNode group = properties.putObject(name);
    group.put("type", "object");
    group.put("additionalProperties", false);
    group.putObject("properties");
    return group;
  }

  private static ObjectNode leaf(JsonNode property) {
    ObjectNode leaf = JSON.createObjectNode();
    String type = property.path("type").asText("");
    if (type.startsWith("java.util.Map")) {
      leaf.put("type", "object");
    } else if (type.startsWith("java.util.List") || type.startsWith("java.util.Set") || type.endsWith("[]")) {
      // A list, or Spring's comma-separated text.
      leaf.putArray("type").add("array").add("string");
    } else if (type.equals("java.lang.Boolean") || type.equals("boolean")) {
      leaf.put("type", "boolean");
    } else if (type.matches("java\\.lang\\.(Integer|Long)|int|long")) {
      leaf.put("type", "integer");
    } else if (!type.isEmpty() && !type.startsWith("java.lang.Object")) {
      // Text, and what Spring converts from text: durations (30m), sizes (1MB), URIs, paths, enums.
      leaf.put("type", "string");
    }
    if (property.hasNonNull("description")) {
      leaf.put("description", property.path("description").asText());
    }
    if (property.has("defaultValue")) {
      leaf.set("default", property.path("defaultValue"));
    }
    return leaf;
  }
}

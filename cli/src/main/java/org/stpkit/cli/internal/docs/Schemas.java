package org.stpkit.cli.internal.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.definition.LocatedNode;

/**
 * The JSON Schemas the site names (in {@code site.yaml}), read from the classpath: each module
 * publishes its format's schema in its own jar, and the docs read it from there rather than keep a
 * copy. The Spring Boot starters' properties have no schema file: theirs is made from the
 * configuration metadata in their jar ({@link SpringPropertiesSchema}).
 */
final class Schemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A problem a schema found in a sample: at a line of the sample, counted from 1. */
  record Finding(int line, String message) {}

  private final Map<String, String> resources;
  private final Map<String, Optional<JsonNode>> documents = new HashMap<>();
  private final Map<String, JsonSchema> validators = new HashMap<>();

  Schemas(Map<String, String> resources) {
    this.resources = Map.copyOf(resources);
  }

  List<String> names() {
    return resources.keySet().stream().sorted().toList();
  }

  boolean has(String name) {
    return resources.containsKey(name);
  }

  String resource(String name) {
    return resources.getOrDefault(name, "");
  }

  /** The schema as JSON; empty when its resource is not on the classpath or is not JSON. */
  Optional<JsonNode> document(String name) {
    return documents.computeIfAbsent(name, key -> {
      String resource = resources.get(key);
      if (resource == null) {
        return Optional.empty();
      }
      if (resource.equals(SpringPropertiesSchema.METADATA)) {
        return SpringPropertiesSchema.fromClassPath(Schemas.class.getClassLoader());
      }
      try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
        return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** Checks a sample against the named schema; each finding at the line of the value it is about. */
  List<Finding> validate(String name, LocatedNode sample) {
    JsonSchema schema = validators.computeIfAbsent(name, key -> {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document(key).orElseThrow(), config);
    });
    List<Finding> findings = new ArrayList<>();
    for (ValidationMessage message : schema.validate(sample.toJson())) {
      String pointer = message.getInstanceLocation().toString();
      List<String> segments = pointer.isEmpty() ? List.of()
          : Arrays.stream(pointer.substring(1).split("/", -1)).map(s -> s.replace("~1", "/").replace("~0", "~")).toList();
      LocatedNode at = sample.nearest(segments);
      findings.add(new Finding(at.line(), (pointer.isEmpty() ? "/" : pointer) + ": " + withoutLocation(message.getMessage())));
    }
    findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::message));
    return findings;
  }

  /** The library's messages start with the location, which the finding gives already. */
  private static String withoutLocation(String message) {
    int colon = message.indexOf(": ");
    return colon > 0 && (message.startsWith("/") || message.startsWith("$")) ? message.substring(colon + 2) : message;
  }
}

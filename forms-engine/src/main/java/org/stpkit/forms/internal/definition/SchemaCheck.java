package org.stpkit.forms.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.stpkit.definition.Problem;

/** Checks a definition's structure against the published JSON Schema, the one editors use. */
final class SchemaCheck {
  /** Classpath location of the published schema. */
  static final String SCHEMA_RESOURCE = "/org/stpkit/forms/form-definition.schema.json";

  private static final JsonSchema SCHEMA = loadSchema();

  private SchemaCheck() {}

  static List<Problem> check(DefinitionDocument document) {
    Set<ValidationMessage> messages = SCHEMA.validate(document.root());
    List<Problem> problems = new ArrayList<>();
    // A value that fits none of a oneOf's shapes gives one message per shape: say it once instead.
    Set<String> oneOfPointers = new java.util.HashSet<>();
    for (ValidationMessage message : messages) {
      if ("oneOf".equals(message.getType())) {
        oneOfPointers.add(message.getInstanceLocation().toString());
      }
    }
    for (ValidationMessage message : messages) {
      String pointer = message.getInstanceLocation().toString();
      String type = message.getType();
      if (oneOfPointers.contains(pointer)) {
        if ("oneOf".equals(type)) {
          problems.add(document.problem(pointer, expectedShape(message) + "; found " + jsonType(document.root().at(pointer))));
        }
      } else if ("additionalProperties".equals(type) && message.getProperty() != null) {
        pointer = pointer + "/" + DefinitionDocument.escape(message.getProperty());
        problems.add(document.problem(pointer, "unknown property '" + message.getProperty() + "'"));
      } else if ("required".equals(type) && message.getProperty() != null) {
        problems.add(document.problem(pointer, "missing required property '" + message.getProperty() + "'"));
      } else if ("enum".equals(type) && pointer.endsWith("/type")) {
        JsonNode given = document.root().at(pointer);
        problems.add(document.problem(pointer, "unknown type '" + given.asText() + "'; known types: "
            + String.join(", ", enumValues(message))));
      } else {
        problems.add(document.problem(pointer, withoutLocation(message.getMessage())));
      }
    }
    problems.sort(Comparator.comparingInt(Problem::line).thenComparing(Problem::path));
    return problems;
  }

  private static String expectedShape(ValidationMessage message) {
    String schemaLocation = String.valueOf(message.getSchemaLocation());
    if (schemaLocation.contains("/text/")) {
      return "must be text: a non-empty string, or {en: ..., cy: ...}";
    }
    if (schemaLocation.contains("/conditionOrName/")) {
      return "must be the name of a condition, or a condition: {all}, {any}, {not} or {question, comparison}";
    }
    if (schemaLocation.contains("/options/")) {
      return "must be an option: a value, or {value, text, hint}";
    }
    return withoutLocation(message.getMessage());
  }

  private static String jsonType(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isObject() ? "an object" : "nothing";
  }

  private static List<String> enumValues(ValidationMessage message) {
    Object[] arguments = message.getArguments();
    if (arguments == null || arguments.length == 0) {
      return List.of();
    }
    String values = String.valueOf(arguments[0]).replaceAll("[\\[\\]\"]", "");
    return List.of(values.split(",\\s*"));
  }

  /** The library's messages start with the location, which the problem already gives. */
  private static String withoutLocation(String message) {
    int colon = message.indexOf(": ");
    return colon > 0 && (message.startsWith("/") || message.startsWith("$")) ? message.substring(colon + 2) : message;
  }

  private static JsonSchema loadSchema() {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .build();
    try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The form definition schema is missing from the jar: " + SCHEMA_RESOURCE);
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

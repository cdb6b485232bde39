package org.stpkit.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.UploadedFile;

/**
 * A submission as JSON, in the versioned shape receivers rely on ({@value #SCHEMA_VERSION}; the JSON
 * Schema is {@link #jsonSchema()}):
 *
 * <pre>{@code
 * {"schemaVersion": 1,
 *  "form": {"id": "apply-for-a-licence", "version": 3},
 *  "reference": "FL-7K3M-9Q2X",
 *  "submittedAt": "2026-11-22T10:00:00Z",
 *  "route": ["/name", "/date-of-birth", "/age"],
 *  "answers": {"fullName": {"givenName": "Jo", "familyName": "Bloggs"}, "dateOfBirth": "1990-03-27", "age": 35}}
 * }</pre>
 *
 * <p>Answers are typed by question type: text-like answers (text, long text, email, phone, postcode,
 * National Insurance number, radios, select) are strings; number and money are JSON numbers, exactly
 * as typed and normalised ({@code 12.50}); dates are {@code YYYY-MM-DD}; yes / no is a boolean;
 * checkboxes an array of the chosen values; an address {@code {line1, line2?, town, county?,
 * postcode}}; a name {@code {givenName, familyName}}; a repeating section an array of its items,
 * each an object of its answers typed the same way; a file question an array of its files, each
 * {@code {id, name, contentType, size, sha256, content}} with the content in Base64 (absent only
 * when the submission was made without it). Questions off the route, and optional ones
 * left blank, are absent. A change to this shape that could break a receiver gets a new {@code
 * schemaVersion}.
 */
public final class SubmissionJson {
  /** The version of the shape this class writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final String SCHEMA = "/org/stpkit/forms/submission.schema.json";

  private SubmissionJson() {}

  /** The submission as a JSON document (UTF-8 text, no insignificant white space). */
  public static String write(Submission submission) {
    try {
      return JSON.writeValueAsString(tree(submission));
    } catch (JsonProcessingException e) {
      throw new FormsException("Cannot write submission " + submission.reference() + " as JSON: " + e.getMessage(), e);
    }
  }

  /** The submission as a Jackson tree, to add to or write elsewhere. */
  public static ObjectNode tree(Submission submission) {
    Objects.requireNonNull(submission, "submission");
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode form = root.putObject("form");
    form.put("id", submission.formId());
    form.put("version", submission.formVersion());
    root.put("reference", submission.reference());
    root.put("submittedAt", submission.submittedAt().toString());
    ArrayNode route = root.putArray("route");
    submission.route().forEach(route::add);
    ObjectNode answers = root.putObject("answers");
    submission.answers().forEach((question, value) ->
        answers.set(question, value(question, value, submission.fileContents())));
    return root;
  }

  /** An uploaded file: what it is, and its content (Base64) when the submission carries it. */
  private static ObjectNode file(UploadedFile file, Map<String, byte[]> contents) {
    ObjectNode node = NODES.objectNode();
    node.put("id", file.id());
    node.put("name", file.name());
    node.put("contentType", file.contentType());
    node.put("size", file.size());
    node.put("sha256", file.sha256());
    byte[] content = contents.get(file.id());
    if (content != null) {
      node.put("content", Base64.getEncoder().encodeToString(content));
    }
    return node;
  }

  /** The JSON Schema (draft 2020-12) of the shape, as published in the jar. */
  public static String jsonSchema() {
    try (InputStream in = SubmissionJson.class.getResourceAsStream(SCHEMA)) {
      return new String(Objects.requireNonNull(in, "schema resource").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode value(String question, Object value,
      Map<String, byte[]> contents) {
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Boolean yes) {
      return NODES.booleanNode(yes);
    }
    if (value instanceof LocalDate date) {
      return NODES.textNode(date.toString());
    }
    if (value instanceof Collection<?> chosen) {
      ArrayNode array = NODES.arrayNode();
      for (Object item : chosen) {
        if (item instanceof java.util.Map<?, ?> itemAnswers) {
          // A repeating section's item: its answers by question name, typed as any answer is.
          ObjectNode node = array.addObject();
          itemAnswers.forEach((name, answer) ->
              node.set(String.valueOf(name), value(question + "." + name, answer, contents)));
        } else if (item instanceof UploadedFile file) {
          array.add(file(file, contents));
        } else {
          array.add(item.toString());
        }
      }
      return array;
    }
    if (value instanceof PersonName name) {
      ObjectNode node = NODES.objectNode();
      node.put("givenName", name.givenName());
      node.put("familyName", name.familyName());
      return node;
    }
    if (value instanceof Address address) {
      ObjectNode node = NODES.objectNode();
      node.put("line1", address.line1());
      address.line2().ifPresent(line -> node.put("line2", line));
      node.put("town", address.town());
      address.county().ifPresent(county -> node.put("county", county));
      node.put("postcode", address.postcode());
      return node;
    }
    throw new FormsException("The answer to '" + question + "' is a " + value.getClass().getName()
        + ", which the submission's JSON shape has no form for");
  }
}

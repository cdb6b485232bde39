package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value read with Jackson's streaming parser into the plain Java values the templates take
 * ({@link LinkedHashMap}, {@link ArrayList}, {@link String}, a {@link Number}, {@link Boolean} or
 * null), as {@code ObjectMapper.readValue(json, Object.class)} would, without the start-up time of
 * Jackson's data binding, which a short {@code stp render --batch} run would mostly spend on it.
 */
final class JsonValues {
  /** The streaming parser factory: thread-safe, and cheap to start. */
  static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /** The value that starts with {@code token}, the parser's current token. */
  static @Nullable Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
          object.put(name, read(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(read(parser, next));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + token);
    }
  }
}

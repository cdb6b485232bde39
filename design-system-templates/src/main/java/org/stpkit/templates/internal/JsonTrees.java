package org.stpkit.templates.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON with Jackson's streaming parser into plain Java values: {@link LinkedHashMap},
 * {@link ArrayList}, {@link String}, {@link Integer}/{@link Long}/{@link java.math.BigInteger} or
 * {@link Double}, {@link Boolean} and null, as Jackson's {@code ObjectMapper} would read it into
 * {@code Object}, without the start-up cost of Jackson's data binding.
 */
final class JsonTrees {
  private JsonTrees() {}

  /** The next whole value from {@code parser}; null for JSON null or at the end of the input. */
  static @Nullable Object read(JsonParser parser) throws IOException {
    return value(parser, parser.nextToken());
  }

  private static @Nullable Object value(JsonParser parser, @Nullable JsonToken token) throws IOException {
    if (token == null) {
      return null;
    }
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
          object.put(name, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(value(parser, next));
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
        throw new IOException("Unexpected JSON token " + token + " at " + parser.currentLocation());
    }
  }
}

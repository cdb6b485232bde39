package org.stpkit.templates.internal.html;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of a params object with JavaScript property semantics: reading a missing key,
 * or any key of something that is not an object, gives undefined (Java {@code null}) instead of
 * failing, as {@code params.hint.text} does in Nunjucks when {@code hint} is absent.
 */
public final class JsObject {
  public static final JsObject EMPTY = new JsObject(Map.of());

  private final Map<String, ?> map;

  private JsObject(Map<String, ?> map) {
    this.map = map;
  }

  /** The value as an object, or {@link #EMPTY} when it is not one. */
  public static JsObject of(@Nullable Object value) {
    if (value instanceof JsObject) {
      return (JsObject) value;
    }
    if (value instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> map = (Map<String, ?>) value;
      return map.isEmpty() ? EMPTY : new JsObject(map);
    }
    return EMPTY;
  }

  /** The property: Java null when undefined, {@link Js#NULL} when JSON null. */
  public @Nullable Object get(String key) {
    Object value = map.get(key);
    if (value == null && map.containsKey(key)) {
      return Js.NULL;
    }
    return value;
  }

  /** The property as an object (empty when absent or not an object). */
  public JsObject object(String key) {
    return of(map.get(key));
  }

  /** The property as an array (empty when absent or not an array). */
  public List<?> array(String key) {
    Object value = map.get(key);
    return value instanceof List ? (List<?>) value : List.of();
  }

  public boolean truthy(String key) {
    return Js.truthy(map.get(key));
  }

  public boolean isDefined(String key) {
    return map.get(key) != null || map.containsKey(key);
  }

  /** {@code String(params[key])}. */
  public String string(String key) {
    return Js.string(get(key));
  }

  /** Whether this is the empty object (absent or not an object). */
  public boolean isEmpty() {
    return map.isEmpty();
  }

  public Map<String, ?> asMap() {
    return map;
  }
}

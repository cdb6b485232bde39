package org.stpkit.templates.internal.html;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JavaScript value rules govuk-frontend's Nunjucks templates rely on, over JSON-like Java
 * values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@link
 * Markup}). Java {@code null} stands for JavaScript's {@code undefined} (a missing key) and {@link
 * #NULL} for JSON {@code null} (a key present with no value): Nunjucks treats them differently,
 * for example in {@code default(x)} and in string concatenation.
 */
public final class Js {
  /** JSON {@code null}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private Js() {}

  /** {@code value === undefined}. */
  public static boolean isUndefined(@Nullable Object value) {
    return value == null;
  }

  /** {@code value in [undefined, null]}. */
  public static boolean isNullish(@Nullable Object value) {
    return value == null || value == NULL;
  }

  /** JavaScript truthiness: {@code ""}, {@code 0}, {@code NaN}, {@code false}, null and undefined are false. */
  public static boolean truthy(@Nullable Object value) {
    if (value == null || value == NULL) {
      return false;
    }
    if (value instanceof String) {
      return !((String) value).isEmpty();
    }
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof Number) {
      double number = ((Number) value).doubleValue();
      return number != 0 && !Double.isNaN(number);
    }
    if (value instanceof Markup) {
      // A Nunjucks SafeString is an object, so truthy even when empty.
      return true;
    }
    return true;
  }

  /** {@code a or b}, {@code a | default(b, true)}: the first if truthy, else the second. */
  public static @Nullable Object or(@Nullable Object value, @Nullable Object fallback) {
    return truthy(value) ? value : fallback;
  }

  /** {@code a | default(b)}: only undefined is replaced. */
  public static @Nullable Object orDefault(@Nullable Object value, @Nullable Object fallback) {
    return value == null ? fallback : value;
  }

  /** JavaScript's {@code String(value)}, as in {@code "x" + value}: undefined and null spelled out. */
  public static String string(@Nullable Object value) {
    if (value == null) {
      return "undefined";
    }
    if (value instanceof String) {
      return (String) value;
    }
    if (value == NULL) {
      return "null";
    }
    if (value instanceof Markup) {
      return ((Markup) value).html();
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Number) {
      return numberToString((Number) value);
    }
    if (value instanceof List) {
      StringBuilder joined = new StringBuilder();
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          joined.append(',');
        }
        Object item = list.get(i);
        // Array.prototype.join writes null and undefined items as empty strings.
        if (!isNullish(item)) {
          joined.append(string(item));
        }
      }
      return joined.toString();
    }
    if (value instanceof Map) {
      return "[object Object]";
    }
    return value.toString();
  }

  /** JavaScript's number to string conversion for the number types JSON parsers produce. */
  public static String numberToString(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof Byte || number instanceof BigInteger) {
      return number.toString();
    }
    double asDouble = number.doubleValue();
    if (Double.isNaN(asDouble)) {
      return "NaN";
    }
    if (Double.isInfinite(asDouble)) {
      return asDouble > 0 ? "Infinity" : "-Infinity";
    }
    if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 1e21) {
      return asDouble == 0 ? "0" : new BigDecimal(asDouble).toBigInteger().toString();
    }
    if (number instanceof BigDecimal) {
      return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }
    return Double.toString(asDouble);
  }

  /** An object literal. Undefined (Java null) values are left out, as JavaScript reads them the same as missing keys. */
  public static Map<String, Object> object(@Nullable Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>(keysAndValues.length);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null) {
        object.put((String) keysAndValues[i], value);
      }
    }
    return object;
  }

  /** Nunjucks' {@code trim} filter, which is JavaScript's {@code String.trim}. */
  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }

  /** ECMAScript WhiteSpace and LineTerminator code points. */
  public static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == 0x0B || c == '\f' || c == '\r'
        || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
  }

  /** Nunjucks' {@code escape} filter: {@code & < > " '} and backslash. */
  public static String escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        appendEscaped(escaped, text);
        return escaped.toString();
      }
    }
    return text;
  }

  static void appendEscaped(StringBuilder out, String text) {
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        continue;
      }
      out.append(text, start, i);
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.append("&#92;"); break;
      }
      start = i + 1;
    }
    out.append(text, start, length);
  }

  private static boolean needsEscape(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\\';
  }
}

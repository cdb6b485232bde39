package org.stpkit.templates.internal.html;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JavaScript value rules govuk-frontend's Nunjucks templates rely on, over JSON-like Java
 * values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@link
 * Markup}). Java {@code null} stands for JavaScript's {@code undefined} (a missing key) and {@link
 * #NULL} for JSON {@code null} (a key present with no value): Nunjucks treats them differently,
 * for example in {@code default(x)} and in string concatenation.
 *
 * <p>Over 350 lines because it is the one home of JavaScript's value rules (truthiness, {@code
 * String()}, {@code Number()}, {@code ==}, {@code ===}, {@code in}, Nunjucks' escaping), which read
 * against each other.
 */
public final class Js {
  /** JSON {@code null}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** The decimal literals JavaScript's {@code Number(string)} reads, once trimmed. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(Infinity|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)");
  /** The hexadecimal, octal and binary literals it reads: unsigned, unlike decimals. */
  private static final Pattern NON_DECIMAL = Pattern.compile("0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

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

  /**
   * What a Nunjucks {@code for} loop visits. Templates loop over params without checking their
   * type, and Nunjucks does not fail on a value that is not an array: it walks a string by index,
   * a UTF-16 unit at a time, a safe string through its iterator, a code point at a time, an object
   * with a numeric {@code length} as an array, and finds nothing in anything else, other objects
   * included. Components loop over this, not over the param,
   * so that they render what govuk-frontend renders for the same params.
   */
  public static List<?> iterable(@Nullable Object value) {
    if (value instanceof List) {
      return (List<?>) value;
    }
    if (value instanceof String) {
      String text = (String) value;
      List<String> characters = new ArrayList<>(text.length());
      for (int i = 0; i < text.length(); i++) {
        characters.add(String.valueOf(text.charAt(i)));
      }
      return characters;
    }
    if (value instanceof Markup) {
      return ((Markup) value).html().codePoints().mapToObj(Character::toString).toList();
    }
    if (value instanceof Map && ((Map<?, ?>) value).get("length") instanceof Number) {
      // Nunjucks walks any object with a length as an array: obj[0] up to obj[length - 1].
      Map<?, ?> arrayLike = (Map<?, ?>) value;
      double length = ((Number) arrayLike.get("length")).doubleValue();
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < length && i < 100_000; i++) {
        items.add(arrayLike.get(Integer.toString(i)));
      }
      return items;
    }
    return List.of();
  }

  /**
   * Nunjucks' {@code length} filter, as templates test it ({@code if x | length}, {@code > 0}):
   * an array's items, a string's or safe string's characters, an object's keys. Other values give
   * 0, where Nunjucks gives 0 or undefined, which test the same.
   */
  public static int length(@Nullable Object value) {
    if (value instanceof List) {
      return ((List<?>) value).size();
    }
    if (value instanceof String) {
      return ((String) value).length();
    }
    if (value instanceof Markup) {
      return ((Markup) value).html().length();
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).size();
    }
    return 0;
  }

  /**
   * JavaScript's {@code a == b}, as Nunjucks' {@code ==} and {@code !=} compare. Undefined and
   * null equal each other only; two objects (a safe string is one) are equal only if they are the
   * same; otherwise an object is read as its string, and two strings compare as strings and
   * anything else as numbers, so that {@code 1 == "1.0"} and {@code 0 == ""} hold.
   */
  public static boolean looselyEquals(@Nullable Object a, @Nullable Object b) {
    if (isNullish(a) || isNullish(b)) {
      return isNullish(a) && isNullish(b);
    }
    if (isObject(a) && isObject(b)) {
      return a == b;
    }
    Object left = isObject(a) ? string(a) : a;
    Object right = isObject(b) ? string(b) : b;
    if (left instanceof String && right instanceof String) {
      return left.equals(right);
    }
    // NaN is equal to nothing, itself included, as in JavaScript.
    return toNumber(left) == toNumber(right);
  }

  /**
   * JavaScript's {@code a === b}, as Nunjucks' {@code sameas} test and {@code in} operator compare:
   * no conversions, and objects and arrays are equal only to themselves.
   */
  public static boolean strictlyEquals(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof String || a instanceof Boolean) {
      return a.equals(b);
    }
    return a == b;
  }

  /**
   * Nunjucks' {@code value in collection}: an item of an array (strictly equal), a substring of a
   * string, a key of an object. Anything else contains nothing here; Nunjucks throws for most of it.
   */
  public static boolean in(@Nullable Object value, @Nullable Object collection) {
    if (collection instanceof List) {
      for (Object item : (List<?>) collection) {
        // A Java null in a list is a JSON null, never undefined.
        if (strictlyEquals(item == null ? NULL : item, value)) {
          return true;
        }
      }
      return false;
    }
    if (collection instanceof String) {
      return ((String) collection).contains(string(value));
    }
    if (collection instanceof Map) {
      return ((Map<?, ?>) collection).containsKey(string(value));
    }
    return false;
  }

  private static boolean isObject(Object value) {
    return value instanceof Map || value instanceof List || value instanceof Markup;
  }

  /** JavaScript's {@code Number(value)} for a primitive. */
  private static double toNumber(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? 1 : 0;
    }
    String text = trim(string(value));
    if (text.isEmpty()) {
      return 0;
    }
    if (DECIMAL.matcher(text).matches()) {
      // Double.parseDouble reads "Infinity" with its sign as JavaScript does.
      return Double.parseDouble(text);
    }
    if (NON_DECIMAL.matcher(text).matches()) {
      char prefix = Character.toLowerCase(text.charAt(1));
      int radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
      return new BigInteger(text.substring(2), radix).doubleValue();
    }
    return Double.NaN;
  }

  /**
   * JavaScript's {@code parseInt(value, 10)}, as Nunjucks' {@code int} filter calls it: the value
   * as a string, leading whitespace skipped, a sign, then as many decimal digits as there are. Null
   * where JavaScript gives NaN (the filter's undefined default).
   */
  public static @Nullable Double parseInt(@Nullable Object value) {
    String text = string(value);
    int i = 0;
    while (i < text.length() && isWhitespace(text.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      return null;
    }
    double number = new BigDecimal(text.substring(start, i)).doubleValue();
    return negative ? -number : number;
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

  /** {@link #escape} straight into {@code out}. */
  public static void appendEscaped(StringBuilder out, String text) {
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

  /** The characters {@link #appendEscaped} replaces, by code: & < > " ' and backslash. */
  private static final boolean[] ESCAPED = new boolean[128];

  static {
    for (char c : new char[] {'&', '<', '>', '"', '\'', '\\'}) {
      ESCAPED[c] = true;
    }
  }

  /**
   * A table rather than six comparisons: small enough in bytecode (under 35 bytes) for C1, the only
   * compiler {@code stp render} runs, to inline into the loops that call it for every character.
   */
  private static boolean needsEscape(char c) {
    return c < 128 && ESCAPED[c];
  }
}

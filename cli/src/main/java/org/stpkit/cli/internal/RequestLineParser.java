package org.stpkit.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code stp render --batch} request line read straight from its UTF-8 bytes into the values
 * {@link JsonValues} gives, for the lines that are plain, well-formed JSON: which is every line a
 * script writes. Jackson's streaming parser costs as much per line as some components do to render,
 * most of it in setting up a parser and in code general enough for any JSON source, and a short
 * batch spends part of its time compiling that code.
 *
 * <p>Anything this parser is not sure of (any JSON error, an empty line, a byte order mark, invalid
 * or unusual UTF-8, numbers of more than 18 digits, deep nesting) gives {@link #UNSURE}, and the
 * caller reads the line with Jackson instead, so that every value and every error message is
 * Jackson's. The grammar accepted is therefore strictly JSON's (RFC 8259), a subset of what Jackson
 * accepts by default, and what it gives for it is what {@link JsonValues#read} gives: objects as
 * {@link LinkedHashMap} (a repeated name keeps its first place and its last value), arrays as
 * {@link ArrayList}, integers as Integer or Long, other numbers as Double, and Boolean, String and
 * null.
 */
final class RequestLineParser {
  /** The answer for a line this parser leaves to Jackson. */
  static final Object UNSURE = new Object();

  /** Nesting past this goes to Jackson (whose own limit is 1,000): no request line comes near it. */
  private static final int MAX_DEPTH = 200;
  /** Longer lines go to Jackson, which limits a string to 20,000,000 characters. */
  private static final int MAX_LINE = 5_000_000;
  /** Longer names go to Jackson, which limits a name to 50,000 characters. */
  private static final int MAX_NAME = 1_000;

  private final byte[] in;
  private int at;
  private boolean unsure;
  /** Characters of a string with escapes or non-ASCII text; reused. */
  private char[] chars = new char[64];

  private RequestLineParser(byte[] in) {
    this.in = in;
  }

  /** The line's one JSON value, or {@link #UNSURE}. */
  static @Nullable Object parse(byte[] line) {
    if (line.length > MAX_LINE) {
      return UNSURE;
    }
    RequestLineParser parser = new RequestLineParser(line);
    parser.skipWhitespace();
    if (parser.at == line.length) {
      return UNSURE;
    }
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.unsure || parser.at != line.length) {
      return UNSURE;
    }
    return value;
  }

  private @Nullable Object value(int depth) {
    if (at >= in.length) {
      unsure = true;
      return null;
    }
    byte b = in[at];
    switch (b) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return number();
        }
        unsure = true;
        return null;
    }
  }

  private @Nullable Map<String, Object> object(int depth) {
    if (depth > MAX_DEPTH) {
      unsure = true;
      return null;
    }
    at++; // {
    Map<String, Object> object = new LinkedHashMap<>();
    skipWhitespace();
    if (at < in.length && in[at] == '}') {
      at++;
      return object;
    }
    while (true) {
      if (at >= in.length || in[at] != '"') {
        unsure = true;
        return null;
      }
      String name = string();
      skipWhitespace();
      if (unsure || name.length() > MAX_NAME || at >= in.length || in[at] != ':') {
        unsure = true;
        return null;
      }
      at++;
      skipWhitespace();
      Object value = value(depth);
      if (unsure) {
        return null;
      }
      object.put(name, value);
      skipWhitespace();
      if (at >= in.length) {
        unsure = true;
        return null;
      }
      byte next = in[at++];
      if (next == '}') {
        return object;
      }
      if (next != ',') {
        unsure = true;
        return null;
      }
      skipWhitespace();
    }
  }

  private @Nullable List<Object> array(int depth) {
    if (depth > MAX_DEPTH) {
      unsure = true;
      return null;
    }
    at++; // [
    List<Object> array = new ArrayList<>();
    skipWhitespace();
    if (at < in.length && in[at] == ']') {
      at++;
      return array;
    }
    while (true) {
      Object value = value(depth);
      if (unsure) {
        return null;
      }
      array.add(value);
      skipWhitespace();
      if (at >= in.length) {
        unsure = true;
        return null;
      }
      byte next = in[at++];
      if (next == ']') {
        return array;
      }
      if (next != ',') {
        unsure = true;
        return null;
      }
      skipWhitespace();
    }
  }

  /** A string, at its opening quote. */
  private @Nullable String string() {
    int start = ++at;
    // The common case: printable ASCII without escapes, copied as Latin-1 (one byte a character).
    for (int i = start; i < in.length; i++) {
      byte b = in[i];
      if (b == '"') {
        at = i + 1;
        return new String(in, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (b == '\\' || b < 0x20) { // b < 0x20 holds for every byte of 0x80 and above too
        return slowString(start);
      }
    }
    unsure = true;
    return null;
  }

  /** A string with escapes or non-ASCII text, from its first character. */
  private @Nullable String slowString(int start) {
    int length = 0;
    int i = start;
    while (i < in.length) {
      int b = in[i] & 0xff;
      if (length + 2 > chars.length) {
        chars = Arrays.copyOf(chars, chars.length * 2);
      }
      if (b == '"') {
        at = i + 1;
        return new String(chars, 0, length);
      }
      if (b == '\\') {
        if (i + 1 >= in.length) {
          break;
        }
        byte escaped = in[i + 1];
        i += 2;
        switch (escaped) {
          case '"':
          case '\\':
          case '/':
            chars[length++] = (char) escaped;
            break;
          case 'b':
            chars[length++] = '\b';
            break;
          case 'f':
            chars[length++] = '\f';
            break;
          case 'n':
            chars[length++] = '\n';
            break;
          case 'r':
            chars[length++] = '\r';
            break;
          case 't':
            chars[length++] = '\t';
            break;
          case 'u':
            if (i + 4 > in.length) {
              unsure = true;
              return null;
            }
            int code = 0;
            for (int k = 0; k < 4; k++) {
              int digit = Character.digit(in[i + k], 16);
              if (digit < 0) {
                unsure = true;
                return null;
              }
              code = code << 4 | digit;
            }
            i += 4;
            chars[length++] = (char) code; // as Jackson gives it, a lone surrogate too
            break;
          default:
            unsure = true;
            return null;
        }
      } else if (b < 0x20) {
        unsure = true; // a control character must be escaped
        return null;
      } else if (b < 0x80) {
        chars[length++] = (char) b;
        i++;
      } else {
        // Well-formed UTF-8 only (no overlong forms, no surrogates, nothing past U+10FFFF).
        int code;
        int size;
        int min;
        if (b >= 0xc2 && b <= 0xdf) {
          code = b & 0x1f;
          size = 2;
          min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
          code = b & 0x0f;
          size = 3;
          min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
          code = b & 0x07;
          size = 4;
          min = 0x10000;
        } else {
          unsure = true;
          return null;
        }
        if (i + size > in.length) {
          unsure = true;
          return null;
        }
        for (int k = 1; k < size; k++) {
          int next = in[i + k] & 0xff;
          if ((next & 0xc0) != 0x80) {
            unsure = true;
            return null;
          }
          code = code << 6 | (next & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          unsure = true;
          return null;
        }
        i += size;
        if (code >= 0x10000) {
          chars[length++] = Character.highSurrogate(code);
          chars[length++] = Character.lowSurrogate(code);
        } else {
          chars[length++] = (char) code;
        }
      }
    }
    unsure = true;
    return null;
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    int end = at + word.length();
    if (end > in.length) {
      unsure = true;
      return null;
    }
    for (int i = 0; i < word.length(); i++) {
      if (in[at + i] != word.charAt(i)) {
        unsure = true;
        return null;
      }
    }
    at = end;
    if (!endOfValue()) {
      unsure = true;
      return null;
    }
    return value;
  }

  /**
   * A number: an integer of up to 18 digits as Integer when it fits one and Long otherwise (as
   * Jackson's getNumberValue gives them), a number with a fraction or exponent as Double.
   */
  private @Nullable Object number() {
    int start = at;
    boolean negative = in[at] == '-';
    if (negative) {
      at++;
    }
    int digitsStart = at;
    long value = 0;
    while (at < in.length && in[at] >= '0' && in[at] <= '9') {
      value = value * 10 + (in[at] - '0');
      at++;
      if (at - digitsStart > 18) {
        unsure = true;
        return null;
      }
    }
    int digits = at - digitsStart;
    if (digits == 0 || (digits > 1 && in[digitsStart] == '0')) {
      unsure = true;
      return null;
    }
    boolean integer = true;
    if (at < in.length && in[at] == '.') {
      integer = false;
      at++;
      if (!skipDigits()) {
        return null;
      }
    }
    if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
      integer = false;
      at++;
      if (at < in.length && (in[at] == '+' || in[at] == '-')) {
        at++;
      }
      if (!skipDigits()) {
        return null;
      }
    }
    if (!endOfValue() || at - start > 100) {
      unsure = true;
      return null;
    }
    if (!integer) {
      return Double.parseDouble(new String(in, start, at - start, StandardCharsets.ISO_8859_1));
    }
    long signed = negative ? -value : value;
    if (signed >= Integer.MIN_VALUE && signed <= Integer.MAX_VALUE) {
      return (int) signed;
    }
    return signed;
  }

  /** One or more digits. */
  private boolean skipDigits() {
    int start = at;
    while (at < in.length && in[at] >= '0' && in[at] <= '9') {
      at++;
    }
    if (at == start) {
      unsure = true;
      return false;
    }
    return true;
  }

  /** Whether what follows a number or literal may end it: the line's end, whitespace, or , ] }. */
  private boolean endOfValue() {
    if (at == in.length) {
      return true;
    }
    byte b = in[at];
    return b == ',' || b == ']' || b == '}' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private void skipWhitespace() {
    while (at < in.length) {
      byte b = in[at];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return;
      }
      at++;
    }
  }
}

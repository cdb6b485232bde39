package org.stpkit.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON result lines built straight into UTF-8 bytes: {@code {"key":"value"}} and a newline, with
 * the value's quotes, backslashes and control characters escaped.
 */
final class JsonOutput {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;

  JsonOutput(int initialCapacity) {
    bytes = new byte[Math.max(initialCapacity, 64)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Appends {@code {"key":"value"}\n}; {@code key} must need no escaping. */
  void appendLine(String key, String value) {
    // String.getBytes is the JDK's vectorised encoder; escaping the bytes afterwards is safe because
    // no byte of a multi-byte UTF-8 sequence is below 0x80. (A lone surrogate becomes '?', as any
    // UTF-8 encoder makes it.)
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    // An escaped byte takes at most 6 (\\u001f); reserving for the worst case keeps the loop free of checks.
    ensureRoom(key.length() + utf8.length * 6 + 8);
    byte[] b = bytes;
    int at = size;
    b[at++] = '{';
    b[at++] = '"';
    for (int i = 0; i < key.length(); i++) {
      b[at++] = (byte) key.charAt(i);
    }
    b[at++] = '"';
    b[at++] = ':';
    b[at++] = '"';
    int runStart = 0;
    for (int i = 0; i < utf8.length; i++) {
      byte c = utf8[i];
      if (c >= 0x20 ? c == '"' || c == '\\' : c >= 0) {
        System.arraycopy(utf8, runStart, b, at, i - runStart);
        at = escape((char) c, b, at + i - runStart);
        runStart = i + 1;
      }
    }
    System.arraycopy(utf8, runStart, b, at, utf8.length - runStart);
    at += utf8.length - runStart;
    b[at++] = '"';
    b[at++] = '}';
    b[at++] = '\n';
    size = at;
  }

  private static int escape(char c, byte[] b, int at) {
    switch (c) {
      case '"':
      case '\\':
        b[at++] = '\\';
        b[at++] = (byte) c;
        return at;
      case '\n':
        b[at++] = '\\';
        b[at++] = 'n';
        return at;
      case '\r':
        b[at++] = '\\';
        b[at++] = 'r';
        return at;
      case '\t':
        b[at++] = '\\';
        b[at++] = 't';
        return at;
      default:
        return unicodeEscape(c, b, at);
    }
  }

  private static int unicodeEscape(char c, byte[] b, int at) {
    b[at++] = '\\';
    b[at++] = 'u';
    b[at++] = HEX[(c >> 12) & 0xf];
    b[at++] = HEX[(c >> 8) & 0xf];
    b[at++] = HEX[(c >> 4) & 0xf];
    b[at++] = HEX[c & 0xf];
    return at;
  }

  private void ensureRoom(int needed) {
    if (bytes.length - size < needed) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
    }
  }
}

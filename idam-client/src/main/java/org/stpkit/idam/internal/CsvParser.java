package org.stpkit.idam.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.IdamException;

/**
 * Records of RFC 4180 CSV: comma separated, double-quoted fields may hold commas, doubled quotes
 * and line breaks; lines end in CRLF, LF or CR. Each record knows the physical line it starts on,
 * so a quoted line break moves the records after it down, as an editor shows them.
 */
final class CsvParser {
  private static final int EOF = -1;

  /**
   * One record. {@code malformed} says what was wrong when text followed a closing quote (the text
   * is kept in the field, as the rest of the record still parses).
   */
  record Record(int line, List<String> fields, @Nullable String malformed) {
    /** An empty line, or one of empty fields only: what spreadsheets write for an empty row. */
    boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private final Reader in;
  private final String source;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int line = 1;

  CsvParser(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The next record that is not blank; null at the end of the input. */
  @Nullable Record next() throws IOException {
    while (peek() != EOF) {
      Record record = readRecord();
      if (!record.isBlank()) {
        return record;
      }
    }
    return null;
  }

  private Record readRecord() throws IOException {
    int start = line;
    List<String> fields = new ArrayList<>();
    String malformed = null;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (peek() == '"') {
        readQuoted(field);
        if (!atFieldEnd() && malformed == null) {
          malformed = "text after the closing quote of field " + (fields.size() + 1);
        }
      }
      while (!atFieldEnd()) {
        field.append((char) read());
      }
      fields.add(field.toString());
      int end = read();
      if (end == '\r' && peek() == '\n') {
        read();
      }
      if (end != ',') {
        return new Record(start, fields, malformed);
      }
    }
  }

  private void readQuoted(StringBuilder field) throws IOException {
    int opened = line;
    read();
    while (true) {
      int c = read();
      if (c == EOF) {
        // Everything after the quote would become one field: the people on those lines would
        // vanish from the feed and look like leavers, so the feed is unusable.
        throw new IdamException(source + ":" + opened + ": a quoted field is never closed");
      }
      if (c == '"') {
        if (peek() != '"') {
          return;
        }
        read();
      }
      field.append((char) c);
    }
  }

  private boolean atFieldEnd() throws IOException {
    int c = peek();
    return c == ',' || c == '\r' || c == '\n' || c == EOF;
  }

  private int read() throws IOException {
    int c = peek();
    if (c == EOF) {
      return EOF;
    }
    position++;
    // CRLF counts once: at its LF.
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      line++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (position == limit) {
      int count = in.read(buffer, 0, buffer.length);
      position = 0;
      limit = Math.max(count, 0);
      if (count <= 0) {
        return EOF;
      }
    }
    return buffer[position];
  }
}

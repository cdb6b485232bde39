package org.stpkit.idam.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.StaffRecord;

/**
 * The rows of a CSV feed: a header row naming the columns ({@link StaffRecord#ATTRIBUTES} and
 * {@code active}), then a row per person.
 */
final class CsvFeedReader {
  private static final List<String> REQUIRED = List.of("employeeNumber", "givenName", "familyName");
  private static final Map<String, String> COLUMNS = columnsByKey();

  private CsvFeedReader() {}

  static void read(Reader in, String source, int maxRows, FeedValidator feed) throws IOException {
    CsvParser parser = new CsvParser(in, source);
    CsvParser.Record header = parser.next();
    if (header == null) {
      throw new IdamException(source + " has no header row");
    }
    List<@Nullable String> columns = columns(header, source, feed);
    int rows = 0;
    for (CsvParser.Record record = parser.next(); record != null; record = parser.next()) {
      if (++rows > maxRows) {
        throw new IdamException(source + " has more than " + maxRows + " rows; no feed of ours is that big");
      }
      feed.row(row(record, columns));
    }
  }

  /** The attribute each column holds, in column order; null for a column we do not know. */
  private static List<@Nullable String> columns(CsvParser.Record header, String source, FeedValidator feed) {
    List<@Nullable String> columns = new ArrayList<>();
    for (String name : header.fields()) {
      String column = COLUMNS.get(key(name));
      if (column == null) {
        feed.headerProblem(header.line(), "unknown column '" + name.strip() + "'; known: " + String.join(", ", COLUMNS.values()));
      } else if (columns.contains(column)) {
        // Which of the two is right cannot be told, and guessing wrong changes everyone in the feed.
        throw new IdamException(source + ":" + header.line() + ": column " + column + " appears twice in the header");
      }
      columns.add(column);
    }
    List<String> missing = REQUIRED.stream().filter(name -> !columns.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IdamException(source + ":" + header.line() + ": the header has no column "
          + String.join(", ", missing) + "; it names " + String.join(", ", header.fields()));
    }
    return columns;
  }

  private static RawRow row(CsvParser.Record record, List<@Nullable String> columns) {
    RawRow row = new RawRow(record.line());
    List<String> fields = record.fields();
    String malformed = record.malformed();
    if (malformed != null) {
      row.problem("row", malformed);
    }
    if (fields.size() != columns.size()) {
      row.problem("row", "the row has " + fields.size() + " fields but the header has " + columns.size());
      // The fields may be shifted (an unquoted comma), but the employee number is still worth
      // reading: holding a person wrongly is harmless, while failing to hold them makes a leaver.
      int index = columns.indexOf("employeeNumber");
      if (index < fields.size()) {
        row.put("employeeNumber", fields.get(index));
      }
      row.markFieldsUnreliable();
      return row;
    }
    for (int i = 0; i < fields.size(); i++) {
      String column = columns.get(i);
      if ("active".equals(column)) {
        active(row, fields.get(i));
      } else if (column != null) {
        row.put(column, fields.get(i));
      }
    }
    return row;
  }

  private static void active(RawRow row, String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "", "true", "yes", "y", "1" -> row.active(true);
      case "false", "no", "n", "0" -> row.active(false);
      default -> row.problem("active", "active " + FeedValidator.quote(value) + " is not true/false, yes/no, y/n or 1/0");
    }
  }

  /** Header names match ignoring case, spaces, underscores and hyphens: {@code Employee Number}, {@code employee_number}. */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
  }

  private static Map<String, String> columnsByKey() {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String name : StaffRecord.ATTRIBUTES) {
      columns.put(key(name), name);
    }
    columns.put(key("active"), "active");
    return columns;
  }
}

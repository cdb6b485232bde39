package org.stpkit.idam.internal;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.StaffRecord;

/**
 * Reads an HR feed, CSV or SCIM JSON; {@link FeedValidator} checks every row the same way whichever
 * format it came in.
 */
public final class FeedReader {
  /** Far more rows than staff anywhere we serve: a feed this big is a mistake, and would exhaust memory. */
  static final int MAX_ROWS = 1_000_000;

  /** What a feed held: the valid records, and each problem with the person it holds. */
  public record Rows(String source, List<StaffRecord> records, List<HrFeed.RowProblem> problems) {}

  private FeedReader() {}

  /** Reads {@code file} as UTF-8: CSV when its name ends in {@code .csv}, SCIM JSON when {@code .json}. */
  public static Rows read(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".json")) {
      throw new IdamException("HR feed " + file + " is neither .csv nor .json");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return csv ? readCsv(in, file.toString()) : readJson(in, file.toString());
    } catch (IOException e) {
      throw unreadable(file.toString(), e);
    }
  }

  public static Rows readCsv(Reader in, String source) {
    return readCsv(in, source, MAX_ROWS);
  }

  /** As {@link #readCsv(Reader, String)} with a lower cap on rows, so tests need not write a million. */
  static Rows readCsv(Reader in, String source, int maxRows) {
    FeedValidator feed = new FeedValidator(source);
    try {
      CsvFeedReader.read(withoutBom(in), source, maxRows, feed);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
    return feed.rows();
  }

  public static Rows readJson(Reader in, String source) {
    return readJson(in, source, MAX_ROWS);
  }

  /** As {@link #readJson(Reader, String)} with a lower cap on users, so tests need not write a million. */
  static Rows readJson(Reader in, String source, int maxRows) {
    FeedValidator feed = new FeedValidator(source);
    try {
      ScimFeedReader.read(withoutBom(in), source, maxRows, feed);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
    return feed.rows();
  }

  /** Excel and Notepad start UTF-8 files with a byte order mark; it is not part of the first column's name. */
  private static Reader withoutBom(Reader in) throws IOException {
    PushbackReader pushback = new PushbackReader(in);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  private static IdamException unreadable(String source, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new IdamException("HR feed " + source + " is not UTF-8 text", e);
    }
    if (e instanceof NoSuchFileException) {
      return new IdamException("HR feed " + source + " does not exist", e);
    }
    return new IdamException("Cannot read HR feed " + source + ": " + e.getMessage(), e);
  }
}

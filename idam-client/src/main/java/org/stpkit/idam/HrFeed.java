package org.stpkit.idam;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The people HR says work here, read from CSV or JSON (SCIM 2.0 users), every row validated. A bad
 * row is left out and reported as a {@link FeedProblem} with its line and field; when its employee
 * number could be read, that person is <em>held</em>: planned for neither changes nor leaving.
 */
public final class HrFeed {
  private final String source;
  private final List<StaffRecord> records;
  private final List<FeedProblem> problems;

  private HrFeed(String source, List<StaffRecord> records, List<FeedProblem> problems) {
    this.source = source;
    this.records = List.copyOf(records);
    this.problems = List.copyOf(problems);
  }

  /** A feed of records already checked (an HR event, a test). */
  public static HrFeed of(String source, List<StaffRecord> records) {
    return new HrFeed(source, records, List.of());
  }

  /** A feed with the rows that were left out; for parsers. */
  public static HrFeed of(String source, List<StaffRecord> records, List<FeedProblem> problems) {
    return new HrFeed(source, records, problems);
  }

  /**
   * Reads a feed file: {@code .csv} as CSV with a header row naming {@link StaffRecord#ATTRIBUTES}
   * and {@code active}; {@code .json} as SCIM users (a list response, or an array).
   *
   * @throws IdamException when the file cannot be read or is not CSV or JSON at all
   */
  public static HrFeed read(Path file) {
    return org.stpkit.idam.internal.FeedReader.read(file);
  }

  /** Reads CSV from {@code in}, as {@link #read} reads a {@code .csv} file; {@code source} names it in problems. */
  public static HrFeed readCsv(java.io.Reader in, String source) {
    return org.stpkit.idam.internal.FeedReader.readCsv(in, source);
  }

  /** Reads SCIM JSON from {@code in}, as {@link #read} reads a {@code .json} file. */
  public static HrFeed readJson(java.io.Reader in, String source) {
    return org.stpkit.idam.internal.FeedReader.readJson(in, source);
  }

  public String source() {
    return source;
  }

  public List<StaffRecord> records() {
    return records;
  }

  public List<FeedProblem> problems() {
    return problems;
  }

  /** Employee numbers of rows left out: those people are held as they are. */
  public Set<String> heldEmployeeNumbers() {
    Set<String> held = new LinkedHashSet<>();
    for (FeedProblem problem : problems) {
      problem.employeeNumber().ifPresent(held::add);
    }
    return held;
  }
}

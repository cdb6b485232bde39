package org.stpkit.idam;

import java.io.Reader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stpkit.definition.Problem;
import org.stpkit.idam.internal.FeedReader;

/**
 * The people HR says work here, read from CSV or JSON (SCIM 2.0 users), every row validated. A bad
 * row is left out and reported as a {@link Problem} at its line and field ({@code staff.csv:14:
 * startDate: ...}); when its employee number could be read, that person is <em>held</em>: planned
 * for neither changes nor leaving.
 */
public final class HrFeed {
  private final String source;
  private final List<StaffRecord> records;
  private final List<RowProblem> rowProblems;

  /**
   * A problem with the feed and, when it left out a row whose employee number could be read, that
   * number: the person is held unchanged rather than treated as a leaver.
   */
  public record RowProblem(Problem problem, Optional<String> employeeNumber) {
    public RowProblem {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(employeeNumber, "employeeNumber");
    }

    @Override
    public String toString() {
      return problem.toString();
    }
  }

  private HrFeed(String source, List<StaffRecord> records, List<RowProblem> rowProblems) {
    this.source = Objects.requireNonNull(source, "source");
    this.records = List.copyOf(records);
    this.rowProblems = List.copyOf(rowProblems);
  }

  /** A feed of records already checked (an HR event, a test). */
  public static HrFeed of(String source, List<StaffRecord> records) {
    return new HrFeed(source, records, List.of());
  }

  /**
   * Reads a feed file: {@code .csv} as CSV with a header row naming {@link StaffRecord#ATTRIBUTES}
   * and {@code active}; {@code .json} as SCIM users (a list response, or an array).
   *
   * @throws IdamException when the file cannot be read or is not CSV or JSON at all
   */
  public static HrFeed read(Path file) {
    return from(FeedReader.read(file));
  }

  /** Reads CSV from {@code in}, as {@link #read} reads a {@code .csv} file; {@code source} names it in problems. */
  public static HrFeed readCsv(Reader in, String source) {
    return from(FeedReader.readCsv(in, source));
  }

  /** Reads SCIM JSON from {@code in}, as {@link #read} reads a {@code .json} file. */
  public static HrFeed readJson(Reader in, String source) {
    return from(FeedReader.readJson(in, source));
  }

  private static HrFeed from(FeedReader.Rows rows) {
    return new HrFeed(rows.source(), rows.records(), rows.problems());
  }

  public String source() {
    return source;
  }

  public List<StaffRecord> records() {
    return records;
  }

  /** Every problem, in file order: each row left out, and header columns that were ignored. */
  public List<Problem> problems() {
    return rowProblems.stream().map(RowProblem::problem).toList();
  }

  /** The problems with the employee number each left out, where one could be read. */
  public List<RowProblem> rowProblems() {
    return rowProblems;
  }

  /** Employee numbers of rows left out: those people are held as they are. */
  public Set<String> heldEmployeeNumbers() {
    Set<String> held = new LinkedHashSet<>();
    for (RowProblem problem : rowProblems) {
      problem.employeeNumber().ifPresent(held::add);
    }
    return held;
  }
}

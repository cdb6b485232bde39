package org.stpkit.idam.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.stpkit.definition.Problem;
import org.stpkit.idam.HrFeed.RowProblem;
import org.stpkit.idam.StaffRecord;

/**
 * Validates a feed's rows, CSV or JSON alike, as they are read: a row with any problem is left out
 * with all its problems reported, and its employee number (when readable) holds the person. Taking
 * rows one at a time lets each row's raw values go once its record is built, so a large feed needs
 * memory for its records only.
 */
final class FeedValidator {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final List<String> OTHER_TEXTS =
      List.of("department", "costCenter", "organization", "division", "title", "jobCode", "location");
  private static final int NAME_LIMIT = 100;
  private static final int USER_NAME_LIMIT = 255;
  private static final int EMAIL_LIMIT = 254;
  private static final int TEXT_LIMIT = 255;
  private static final int QUOTE_LIMIT = 40;

  private final String source;
  private final List<StaffRecord> records = new ArrayList<>();
  private final List<RowProblem> problems = new ArrayList<>();
  private final Map<String, Integer> firstLines = new HashMap<>();
  private final Map<String, List<Integer>> duplicateLines = new LinkedHashMap<>();

  FeedValidator(String source) {
    this.source = source;
  }

  /** A problem with the CSV header that leaves no row out (a column we do not know). */
  void headerProblem(int line, String message) {
    problems.add(new RowProblem(new Problem(source, line, 0, "header", message), Optional.empty()));
  }

  void row(RawRow row) {
    List<RawRow.Issue> issues = new ArrayList<>(row.issues());
    if (!row.fieldsUnreliable()) {
      issues.addAll(check(row.values()));
    }
    Optional<String> number = readableNumber(row);
    // Duplicates count every row with a readable number, even one left out for other problems:
    // otherwise the same person could be both a record and held.
    number.ifPresent(readable -> {
      Integer first = firstLines.putIfAbsent(readable, row.line());
      if (first != null) {
        duplicateLines.computeIfAbsent(readable, key -> new ArrayList<>(List.of(first))).add(row.line());
      }
    });
    if (issues.isEmpty()) {
      records.add(record(row));
    }
    for (RawRow.Issue issue : issues) {
      problems.add(new RowProblem(new Problem(source, row.line(), 0, issue.field(), issue.message()), number));
    }
  }

  /** The feed so far, every row of a duplicated employee number left out (which one is right cannot be told). */
  FeedReader.Rows rows() {
    List<StaffRecord> kept = new ArrayList<>(records);
    List<RowProblem> reported = new ArrayList<>(problems);
    if (!duplicateLines.isEmpty()) {
      kept.removeIf(record -> duplicateLines.containsKey(record.employeeNumber()));
      duplicateLines.forEach((number, lines) -> {
        for (int line : lines) {
          reported.add(new RowProblem(new Problem(source, line, 0, "employeeNumber", duplicate(number, line, lines)),
              Optional.of(number)));
        }
      });
      // Stable: a row's own problems stay before its duplicate problem.
      reported.sort(Comparator.comparingInt(problem -> problem.problem().line()));
    }
    return new FeedReader.Rows(source, kept, reported);
  }

  private static String duplicate(String number, int line, List<Integer> lines) {
    List<Integer> others = new ArrayList<>(lines);
    others.remove(Integer.valueOf(line));
    return "employeeNumber " + quote(number) + (others.size() == 1 ? " is also on line " : " is also on lines ")
        + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + "; every row with it is left out, as which one is right cannot be told";
  }

  private static Optional<String> readableNumber(RawRow row) {
    String number = row.values().get("employeeNumber");
    return number != null && IDENTIFIER.matcher(number).matches() ? Optional.of(number) : Optional.empty();
  }

  private static StaffRecord record(RawRow row) {
    Map<String, String> values = row.values();
    StaffRecord.Builder builder = StaffRecord.builder(values.getOrDefault("employeeNumber", ""));
    values.forEach(builder::attribute);
    return builder.active(row.active()).line(row.line()).build();
  }

  // Messages quote identifiers and dates, but not names or addresses: problems are logged, and
  // the line and employee number are enough to find the row.
  private static List<RawRow.Issue> check(Map<String, String> values) {
    List<RawRow.Issue> issues = new ArrayList<>();
    checkIdentifier(values, "employeeNumber", true, issues);
    checkText(values, "givenName", true, NAME_LIMIT, issues);
    checkText(values, "familyName", true, NAME_LIMIT, issues);
    checkUserName(values, issues);
    checkEmail(values, issues);
    checkIdentifier(values, "manager", false, issues);
    for (String name : OTHER_TEXTS) {
      checkText(values, name, false, TEXT_LIMIT, issues);
    }
    LocalDate start = checkDate(values, "startDate", issues);
    LocalDate end = checkDate(values, "endDate", issues);
    if (start != null && end != null && end.isBefore(start)) {
      issues.add(new RawRow.Issue("endDate", "endDate " + end + " is before startDate " + start));
    }
    return issues;
  }

  private static void checkIdentifier(Map<String, String> values, String name, boolean required, List<RawRow.Issue> issues) {
    String value = values.get(name);
    if (value == null) {
      if (required) {
        issues.add(new RawRow.Issue(name, name + " is required"));
      }
    } else if (!IDENTIFIER.matcher(value).matches()) {
      issues.add(new RawRow.Issue(name, name + " " + quote(value) + " is not 1 to 64 letters, digits, '.', '_' or '-'"));
    }
  }

  private static void checkText(Map<String, String> values, String name, boolean required, int limit, List<RawRow.Issue> issues) {
    String value = values.get(name);
    if (value == null) {
      if (required) {
        issues.add(new RawRow.Issue(name, name + " is required"));
      }
      return;
    }
    if (length(value) > limit) {
      issues.add(new RawRow.Issue(name, name + " is longer than " + limit + " characters"));
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      issues.add(new RawRow.Issue(name, name + " has a control character (a line break or tab, say)"));
    }
  }

  private static void checkUserName(Map<String, String> values, List<RawRow.Issue> issues) {
    String value = values.get("userName");
    if (value == null) {
      return;
    }
    if (length(value) > USER_NAME_LIMIT) {
      issues.add(new RawRow.Issue("userName", "userName is longer than " + USER_NAME_LIMIT + " characters"));
    }
    if (hasSpaceOrControl(value)) {
      issues.add(new RawRow.Issue("userName", "userName has a space or control character"));
    }
  }

  private static void checkEmail(Map<String, String> values, List<RawRow.Issue> issues) {
    String value = values.get("email");
    if (value == null) {
      return;
    }
    if (length(value) > EMAIL_LIMIT) {
      issues.add(new RawRow.Issue("email", "email is longer than " + EMAIL_LIMIT + " characters"));
    }
    int at = value.indexOf('@');
    String domain = value.substring(at + 1);
    boolean plausible = at > 0 && at == value.lastIndexOf('@') && domain.indexOf('.') > 0 && !domain.endsWith(".")
        && !hasSpaceOrControl(value);
    if (!plausible) {
      issues.add(new RawRow.Issue("email", "email is not an address like name@example.org"));
    }
  }

  private static @Nullable LocalDate checkDate(Map<String, String> values, String name, List<RawRow.Issue> issues) {
    String value = values.get(name);
    if (value == null) {
      return null;
    }
    if (ISO_DATE.matcher(value).matches()) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        // Shaped like a date but not one (2024-02-30): reported below.
      }
    }
    issues.add(new RawRow.Issue(name, name + " " + quote(value) + " is not a date as yyyy-mm-dd"));
    return null;
  }

  private static boolean hasSpaceOrControl(String value) {
    return value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c));
  }

  private static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /** A value for a message: quoted, cut short, control characters escaped so the log stays one line per problem. */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder("'");
    value.codePoints().limit(QUOTE_LIMIT).forEach(c -> {
      if (Character.isISOControl(c)) {
        quoted.append(String.format("\\u%04x", c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    if (length(value) > QUOTE_LIMIT) {
      quoted.append("...");
    }
    return quoted.append('\'').toString();
  }
}

package org.stpkit.cli.internal.docs;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.LocatedNode.Kind;
import org.stpkit.definition.Problem;

/**
 * What a page says about itself between the {@code ---} lines at its top, as GOV.UK's technical
 * documentation pages do:
 *
 * <pre>
 * ---
 * description: What personal data each product keeps, where, and for how long.
 * last_reviewed: 2026-12-08
 * review_in: 6 months
 * order: 3
 * ---
 * </pre>
 *
 * @param reviewDateGiven whether {@code last_reviewed} was there at all, right or wrong
 * @param lines how many lines the front matter takes, so that problems in the Markdown keep their
 *     line numbers in the file
 */
record FrontMatter(Optional<String> description, Optional<LocalDate> lastReviewed, boolean reviewDateGiven, Period reviewIn,
    int order, int lines) {
  static final Period DEFAULT_REVIEW = Period.ofMonths(6);
  private static final List<String> KEYS = List.of("description", "last_reviewed", "review_in", "order");
  private static final Pattern REVIEW_IN = Pattern.compile("([1-9][0-9]*) (day|week|month|year)s?");

  static final FrontMatter NONE = new FrontMatter(Optional.empty(), Optional.empty(), false, DEFAULT_REVIEW, Integer.MAX_VALUE, 0);

  /** The review is due this long after the last one. */
  Optional<LocalDate> reviewDue() {
    return lastReviewed.map(date -> date.plus(reviewIn));
  }

  /** Splits the front matter off a page's text; {@code text} is what follows it. */
  record Split(FrontMatter frontMatter, String text) {}

  static Split split(String page, String file, List<DocsProblem> problems) {
    String normalised = page.replace("\r\n", "\n");
    if (!normalised.startsWith("---\n")) {
      return new Split(NONE, normalised);
    }
    int end = normalised.indexOf("\n---\n", 3);
    if (end < 0) {
      problems.add(new DocsProblem(file, 1, "the front matter that starts here has no closing '---' line"));
      return new Split(NONE, normalised);
    }
    String yaml = normalised.substring(4, end + 1);
    int lines = (int) yaml.chars().filter(c -> c == '\n').count() + 2;
    return new Split(read(yaml, file, lines, problems), normalised.substring(end + 5));
  }

  private static FrontMatter read(String yaml, String file, int lines, List<DocsProblem> problems) {
    LocatedDocument document = LocatedDocument.parse(yaml, file);
    for (Problem problem : document.problems()) {
      problems.add(new DocsProblem(file, problem.line() + 1, "front matter: " + problem.message()));
    }
    if (document.root().isEmpty() || !document.root().get().is(Kind.MAPPING)) {
      return new FrontMatter(Optional.empty(), Optional.empty(), false, DEFAULT_REVIEW, Integer.MAX_VALUE, lines);
    }
    LocatedNode root = document.root().get();
    for (String key : root.entries().keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(new DocsProblem(file, root.keyNode(key).line() + 1,
            "front matter: unknown key '" + key + "'; expected one of " + String.join(", ", KEYS)));
      }
    }
    Optional<String> description = root.get("description").map(LocatedNode::text).filter(text -> !text.isBlank());
    Optional<LocalDate> lastReviewed = root.get("last_reviewed").flatMap(node -> {
      try {
        return Optional.of(LocalDate.parse(node.text()));
      } catch (DateTimeParseException e) {
        problems.add(new DocsProblem(file, node.line() + 1, "front matter: last_reviewed must be a date as yyyy-mm-dd, not '" + node.text() + "'"));
        return Optional.empty();
      }
    });
    Period reviewIn = root.get("review_in").map(node -> {
      Matcher matcher = REVIEW_IN.matcher(node.text().strip().toLowerCase(Locale.ROOT));
      if (!matcher.matches()) {
        problems.add(new DocsProblem(file, node.line() + 1, "front matter: review_in must be like '6 months', '1 year' or '12 weeks', not '" + node.text() + "'"));
        return DEFAULT_REVIEW;
      }
      int count = Integer.parseInt(matcher.group(1));
      return switch (matcher.group(2)) {
        case "day" -> Period.ofDays(count);
        case "week" -> Period.ofWeeks(count);
        case "month" -> Period.ofMonths(count);
        default -> Period.ofYears(count);
      };
    }).orElse(DEFAULT_REVIEW);
    int order = root.get("order").map(node -> {
      if (node.is(Kind.NUMBER) && node.number().map(n -> n.scale() <= 0).orElse(false)) {
        return node.number().get().intValue();
      }
      problems.add(new DocsProblem(file, node.line() + 1, "front matter: order must be a whole number, not " + node.describe()));
      return Integer.MAX_VALUE;
    }).orElse(Integer.MAX_VALUE);
    return new FrontMatter(description, lastReviewed, root.has("last_reviewed"), reviewIn, order, lines);
  }
}

package org.stpkit.forms.internal.runtime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.stpkit.forms.Option;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;

/**
 * Turns the fields posted for a question into its typed value, or the GOV.UK-pattern error message
 * ("Enter your date of birth", "Date of birth must be a real date", "Date of birth must be in the
 * past") from the message bundle; custom messages from the definition's {@code errors} replace the
 * defaults. The checks of each type are {@link AnswerCheck}'s.
 */
final class AnswerParser {
  /** Longest answer kept from one field; longer input is an error, not truncated. */
  static final int MAX_FIELD_LENGTH = 10_000;
  private static final Pattern UK_POSTCODE = Pattern.compile("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$");

  private final Messages messages;
  private final Clock clock;
  private final DateTimeFormatter dates;

  AnswerParser(Messages messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
    this.dates = DateTimeFormatter.ofPattern(messages.get("answer.dateFormat"), messages.locale());
  }

  /** The form field names a question posts. */
  static List<String> fieldNames(Question question) {
    String name = question.name();
    return switch (question.type()) {
      case DATE -> List.of(name + "-day", name + "-month", name + "-year");
      case ADDRESS -> List.of(name + "-line1", name + "-line2", name + "-town", name + "-county", name + "-postcode");
      case NAME -> List.of(name + "-given", name + "-family");
      default -> List.of(name);
    };
  }

  /** The questions the chosen options of an answered radios or checkboxes question reveal. */
  static List<Question> revealedBy(Question question, Optional<Object> value) {
    if (value.isEmpty() || question.revealedQuestions().isEmpty()) {
      return List.of();
    }
    List<?> chosen = value.get() instanceof List<?> list ? list : List.of(value.get());
    List<Question> revealed = new ArrayList<>();
    for (Option option : question.options()) {
      if (chosen.contains(option.value())) {
        revealed.addAll(option.reveal());
      }
    }
    return revealed;
  }

  /** The id of the field an error on the question links to: its first field. */
  static String firstFieldId(Question question) {
    return fieldNames(question).get(0);
  }

  ParsedAnswer parse(Question question, Map<String, List<String>> posted) {
    return parse(question, posted, today());
  }

  /**
   * The answer checked as on {@code today} (a date question's {@code past} and {@code future}): the
   * one input of a parse besides the question and its fields, so a caller that remembers parses can
   * key them by it.
   */
  ParsedAnswer parse(Question question, Map<String, List<String>> posted, LocalDate today) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String field : fieldNames(question)) {
      List<String> values = posted.getOrDefault(field, List.of());
      // Checkboxes post a value per option chosen; a file question keeps a value per file.
      boolean several = question.type() == QuestionType.CHECKBOXES || question.type() == QuestionType.FILE;
      fields.put(field, several ? List.copyOf(values)
          : values.isEmpty() ? List.of() : List.of(values.get(0)));
    }
    for (List<String> values : fields.values()) {
      for (String value : values) {
        if (value.length() > MAX_FIELD_LENGTH) {
          return ParsedAnswer.invalid(fields, new FieldError(question.name(),
              messages.get("error.tooLong", subjectStart(question), String.valueOf(MAX_FIELD_LENGTH))));
        }
      }
    }
    return new AnswerCheck(this, question, fields, today).run();
  }

  /** A message from the bundle, or the definition's own for the rule when it has one. */
  String message(Question question, String rule, String key, Object... arguments) {
    return Optional.ofNullable(question.errors().get(rule)).map(custom -> custom.in(messages.language()))
        .orElseGet(() -> messages.get(key, arguments));
  }

  String message(String key, Object... arguments) {
    return messages.get(key, arguments);
  }

  String language() {
    return messages.language();
  }

  /** Today in the clock's zone: what dates are checked against. */
  LocalDate today() {
    return LocalDate.now(clock);
  }

  String date(LocalDate date) {
    return date.format(dates);
  }

  /** A UK postcode in its standard form (upper case, one space before the last three characters). */
  static Optional<String> postcode(String value) {
    String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!UK_POSTCODE.matcher(compact).matches()) {
      return Optional.empty();
    }
    return Optional.of(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
  }

  /**
   * What the answer is called after a verb ("Enter your date of birth"): the question's errorName,
   * or one taken from a label that asks for it ("What is your date of birth?"), or a phrase for the
   * type ("a date").
   */
  String subject(Question question) {
    return errorName(question).orElseGet(() -> messages.get("subject." + question.type().definitionName()));
  }

  /**
   * What the answer is called as the subject of a sentence ("Your date of birth must be a real date",
   * "The date ..."); capitalised where the language's messages start with it (English, not Welsh).
   */
  String subjectStart(Question question) {
    boolean capitalise = Boolean.parseBoolean(messages.get("errorName.capitalise"));
    return errorName(question)
        .map(name -> name.isEmpty() || !capitalise ? name
            : name.substring(0, 1).toUpperCase(messages.locale()) + name.substring(1))
        .orElseGet(() -> messages.get("subjectStart." + question.type().definitionName()));
  }

  private Optional<String> errorName(Question question) {
    if (question.errorName().isPresent()) {
      return Optional.of(question.errorName().get().in(messages.language()));
    }
    String label = question.label().in(messages.language()).strip();
    String lower = label.toLowerCase(messages.locale());
    for (String prefix : messages.get("errorName.labelPrefixes").split("\\|")) {
      if (!prefix.isBlank() && lower.startsWith(prefix.stripLeading()) && label.length() > prefix.length()) {
        String rest = label.substring(prefix.stripLeading().length()).strip();
        return Optional.of(rest.endsWith("?") ? rest.substring(0, rest.length() - 1).strip() : rest);
      }
    }
    return Optional.empty();
  }
}

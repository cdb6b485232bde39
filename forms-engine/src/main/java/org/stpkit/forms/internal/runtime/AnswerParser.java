package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.stpkit.forms.Address;
import org.stpkit.forms.LocalisedText;
import org.stpkit.forms.Option;
import org.stpkit.forms.PersonName;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.Validation;

/**
 * Turns the fields posted for a question into its typed value, or the GOV.UK-pattern error message
 * ("Enter your date of birth", "Date of birth must be a real date", "Date of birth must be in the
 * past"); custom messages from the definition's {@code errors} replace the defaults.
 */
final class AnswerParser {
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern UK_POSTCODE = Pattern.compile("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$");
  private static final Pattern NI_NUMBER = Pattern.compile(
      "^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$");
  private static final Pattern UK_PHONE = Pattern.compile("^0[0-9]{9,10}$");
  private static final Pattern NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  /** Longest answer kept from one field; longer input is an error, not truncated. */
  static final int MAX_FIELD_LENGTH = 10_000;

  private final String language;
  private final java.time.Clock clock;

  AnswerParser(String language, java.time.Clock clock) {
    this.language = language;
    this.clock = clock;
  }

  /** The form field names a question posts. */
  static List<String> fieldNames(Question question) {
    String name = question.name();
    switch (question.type()) {
      case DATE:
        return List.of(name + "-day", name + "-month", name + "-year");
      case ADDRESS:
        return List.of(name + "-line1", name + "-line2", name + "-town", name + "-county", name + "-postcode");
      case NAME:
        return List.of(name + "-given", name + "-family");
      default:
        return List.of(name);
    }
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
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String field : fieldNames(question)) {
      List<String> values = posted.getOrDefault(field, List.of());
      fields.put(field, question.type() == QuestionType.CHECKBOXES ? List.copyOf(values)
          : values.isEmpty() ? List.of() : List.of(values.get(0)));
    }
    for (List<String> values : fields.values()) {
      for (String value : values) {
        if (value.length() > MAX_FIELD_LENGTH) {
          return ParsedAnswer.invalid(fields, new FieldError(question.name(),
              capitalise(subject(question)) + " must be " + MAX_FIELD_LENGTH + " characters or less"));
        }
      }
    }
    Checked checked = new Checked(question, fields);
    return checked.run();
  }

  private final class Checked {
    private final Question question;
    private final Map<String, List<String>> fields;
    private final String name;

    Checked(Question question, Map<String, List<String>> fields) {
      this.question = question;
      this.fields = fields;
      this.name = question.name();
    }

    ParsedAnswer run() {
      switch (question.type()) {
        case DATE:
          return date();
        case ADDRESS:
          return address();
        case NAME:
          return personName();
        case CHECKBOXES:
          return checkboxes();
        default:
          return single();
      }
    }

    private String first(String field) {
      List<String> values = fields.get(field);
      return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    private ParsedAnswer ok(Object value) {
      return ParsedAnswer.valid(fields, Optional.of(value));
    }

    private ParsedAnswer error(String rule, String fieldId, String defaultMessage) {
      return error(rule, fieldId, defaultMessage, Set.of());
    }

    private ParsedAnswer error(String rule, String fieldId, String defaultMessage, Set<String> parts) {
      LocalisedText custom = question.errors().get(rule);
      return ParsedAnswer.invalid(fields, new FieldError(fieldId,
          custom != null ? custom.in(language) : defaultMessage, parts));
    }

    private ParsedAnswer required() {
      if (question.optional()) {
        return ParsedAnswer.valid(fields, Optional.empty());
      }
      String verb = question.type().hasOptions() || question.type() == QuestionType.YES_NO ? "Select " : "Enter ";
      return error("required", name, verb + subject(question));
    }

    private ParsedAnswer single() {
      String value = first(name);
      if (value.isEmpty()) {
        return required();
      }
      Validation rules = question.validation();
      String subject = capitalise(subject(question));
      switch (question.type()) {
        case TEXT:
        case LONG_TEXT: {
          String text = question.type() == QuestionType.LONG_TEXT ? value.replace("\r\n", "\n") : value;
          int length = text.codePointCount(0, text.length());
          if (rules.minLength().isPresent() && length < rules.minLength().getAsInt()) {
            return error("minLength", name, subject + " must be " + rules.minLength().getAsInt() + " characters or more");
          }
          if (rules.maxLength().isPresent() && length > rules.maxLength().getAsInt()) {
            return error("maxLength", name, subject + " must be " + rules.maxLength().getAsInt() + " characters or less");
          }
          if (rules.maxWords().isPresent() && text.split("\\s+").length > rules.maxWords().getAsInt()) {
            return error("maxWords", name, subject + " must be " + rules.maxWords().getAsInt() + " words or less");
          }
          return ok(text);
        }
        case EMAIL:
          return EMAIL.matcher(value).matches() ? ok(value)
              : error("format", name, "Enter an email address in the correct format, like name@example.com");
        case PHONE: {
          String digits = value.replaceAll("[\\s()\\-.]", "");
          if (digits.startsWith("+44")) {
            digits = "0" + digits.substring(3).replaceFirst("^\\(?0\\)?", "");
          }
          return UK_PHONE.matcher(digits).matches() ? ok(value)
              : error("format", name, "Enter a UK telephone number, like 01632 960 001 or 07700 900 982");
        }
        case POSTCODE: {
          Optional<String> postcode = postcode(value);
          return postcode.isPresent() ? ok(postcode.get()) : error("format", name, "Enter a full UK postcode, like AA3 1AB");
        }
        case NI_NUMBER: {
          String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
          if (!NI_NUMBER.matcher(compact).matches()) {
            return error("format", name, "Enter a National Insurance number in the correct format, like QQ 12 34 56 C");
          }
          return ok(compact.substring(0, 2) + " " + compact.substring(2, 4) + " " + compact.substring(4, 6) + " "
              + compact.substring(6, 8) + " " + compact.substring(8));
        }
        case NUMBER:
          return number(value, subject, false);
        case MONEY:
          return number(value.startsWith("£") ? value.substring(1).strip() : value, subject, true);
        case YES_NO:
          if (value.equals("yes") || value.equals("no")) {
            return ok(value.equals("yes"));
          }
          return required();
        case RADIOS:
        case SELECT:
          return question.optionValues().contains(value) ? ok(value) : required();
        default:
          throw new IllegalStateException("not a single-field type: " + question.type());
      }
    }

    private ParsedAnswer number(String value, String subject, boolean money) {
      String plain = value.replace(",", "");
      Validation rules = question.validation();
      if (!NUMBER.matcher(plain).matches()) {
        return error("format", name, money ? subject + " must be an amount of money, like 12.50" : subject + " must be a number");
      }
      BigDecimal number = new BigDecimal(plain);
      int places = rules.decimalPlaces();
      if (number.scale() > places) {
        if (places == 0) {
          return error("decimalPlaces", name, subject + " must be a whole number");
        }
        return error("decimalPlaces", name, money ? subject + " must be in pounds and pence, like 12.50"
            : subject + " must have " + places + " decimal places or fewer");
      }
      String unit = money ? "£" : "";
      if (rules.min().isPresent() && number.compareTo(rules.min().get()) < 0) {
        return error("min", name, subject + " must be " + unit + rules.min().get().toPlainString() + " or more");
      }
      if (rules.max().isPresent() && number.compareTo(rules.max().get()) > 0) {
        return error("max", name, subject + " must be " + unit + rules.max().get().toPlainString() + " or less");
      }
      return ok(money ? number.setScale(2) : number);
    }

    private ParsedAnswer date() {
      String day = first(name + "-day");
      String month = first(name + "-month");
      String year = first(name + "-year");
      if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
        return required().error().isPresent()
            ? error("required", name + "-day", "Enter " + subject(question), Set.of("day", "month", "year"))
            : ParsedAnswer.valid(fields, Optional.empty());
      }
      String subject = capitalise(subject(question));
      List<String> missing = new ArrayList<>();
      if (day.isEmpty()) {
        missing.add("day");
      }
      if (month.isEmpty()) {
        missing.add("month");
      }
      if (year.isEmpty()) {
        missing.add("year");
      }
      if (!missing.isEmpty()) {
        String list = missing.size() == 1 ? "a " + missing.get(0) : "a " + missing.get(0) + " and " + missing.get(1);
        return error("format", name + "-" + missing.get(0), subject + " must include " + list, Set.copyOf(missing));
      }
      LocalDate date;
      try {
        if (!day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}") || !year.matches("[0-9]{4}")) {
          throw new DateTimeException("not numbers");
        }
        date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      } catch (DateTimeException e) {
        return error("format", name + "-day", subject + " must be a real date", Set.of("day", "month", "year"));
      }
      Validation rules = question.validation();
      LocalDate today = LocalDate.now(clock);
      Set<String> all = Set.of("day", "month", "year");
      if (rules.past() && !date.isBefore(today)) {
        return error("past", name + "-day", subject + " must be in the past", all);
      }
      if (rules.future() && !date.isAfter(today)) {
        return error("future", name + "-day", subject + " must be in the future", all);
      }
      if (rules.after().isPresent() && !date.isAfter(rules.after().get())) {
        return error("after", name + "-day", subject + " must be after " + rules.after().get().format(LONG_DATE), all);
      }
      if (rules.before().isPresent() && !date.isBefore(rules.before().get())) {
        return error("before", name + "-day", subject + " must be before " + rules.before().get().format(LONG_DATE), all);
      }
      return ok(date);
    }

    private ParsedAnswer address() {
      String line1 = first(name + "-line1");
      String line2 = first(name + "-line2");
      String town = first(name + "-town");
      String county = first(name + "-county");
      String postcode = first(name + "-postcode");
      if (line1.isEmpty() && line2.isEmpty() && town.isEmpty() && county.isEmpty() && postcode.isEmpty()) {
        return question.optional() ? ParsedAnswer.valid(fields, Optional.empty())
            : error("required", name + "-line1", "Enter " + subject(question));
      }
      if (line1.isEmpty()) {
        return error("format", name + "-line1", "Enter address line 1, typically the building and street");
      }
      if (town.isEmpty()) {
        return error("format", name + "-town", "Enter town or city");
      }
      if (postcode.isEmpty()) {
        return error("format", name + "-postcode", "Enter postcode");
      }
      Optional<String> normalised = postcode(postcode);
      if (normalised.isEmpty()) {
        return error("format", name + "-postcode", "Enter a full UK postcode, like AA3 1AB");
      }
      return ok(new Address(line1, optional(line2), town, optional(county), normalised.get()));
    }

    private ParsedAnswer personName() {
      String given = first(name + "-given");
      String family = first(name + "-family");
      if (given.isEmpty() && family.isEmpty()) {
        return question.optional() ? ParsedAnswer.valid(fields, Optional.empty())
            : error("required", name + "-given", "Enter " + subject(question));
      }
      if (given.isEmpty()) {
        return error("format", name + "-given", "Enter your first name");
      }
      if (family.isEmpty()) {
        return error("format", name + "-family", "Enter your last name");
      }
      return ok(new PersonName(given, family));
    }

    private ParsedAnswer checkboxes() {
      List<String> chosen = fields.get(name).stream().map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
      if (chosen.isEmpty()) {
        return required();
      }
      List<String> allowed = question.optionValues();
      if (!allowed.containsAll(chosen)) {
        return required();
      }
      Optional<Option> none = question.noneOption();
      if (none.isPresent() && chosen.contains(none.get().value()) && chosen.size() > 1) {
        return error("format", name, "Select ‘" + none.get().text().in(language) + "’ on its own, or the options that apply");
      }
      return ok(chosen);
    }
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** A UK postcode in its standard form (upper case, one space before the last three characters). */
  static Optional<String> postcode(String value) {
    String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!UK_POSTCODE.matcher(compact).matches()) {
      return Optional.empty();
    }
    return Optional.of(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
  }

  /** What the answer is called in messages: the short name, or a phrase for the type. */
  String subject(Question question) {
    if (question.shortName().isPresent()) {
      return question.shortName().get().in(language);
    }
    switch (question.type()) {
      case EMAIL: return "an email address";
      case PHONE: return "a telephone number";
      case NUMBER: return "a number";
      case MONEY: return "an amount";
      case DATE: return "a date";
      case YES_NO: return "yes or no";
      case RADIOS:
      case SELECT: return "an option";
      case CHECKBOXES: return "at least one option";
      case POSTCODE: return "a postcode";
      case NI_NUMBER: return "a National Insurance number";
      case ADDRESS: return "an address";
      case NAME: return "your name";
      default: return "an answer";
    }
  }

  /** "an amount" → "The amount" at the start of a sentence; "your date of birth" → "Your date of birth". */
  static String capitalise(String subject) {
    String sentenceStart = subject.startsWith("an ") ? "the " + subject.substring(3)
        : subject.startsWith("a ") ? "the " + subject.substring(2) : subject;
    return sentenceStart.isEmpty() ? sentenceStart : Character.toUpperCase(sentenceStart.charAt(0)) + sentenceStart.substring(1);
  }
}

package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.stpkit.forms.Address;
import org.stpkit.forms.Option;
import org.stpkit.forms.PersonName;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.Validation;

/** One question's posted fields checked by its type's rules: the typed value, or the first error. */
final class AnswerCheck {
  /** An email address as GOV.UK's pattern checks it; save and return checks the address for its link with it too. */
  static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern NI_NUMBER = Pattern.compile(
      "^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$");
  private static final Pattern UK_PHONE = Pattern.compile("^0[0-9]{9,10}$");
  private static final Pattern NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");
  private static final Set<String> DATE_PARTS = Set.of("day", "month", "year");

  private final AnswerParser parser;
  private final Question question;
  private final Map<String, List<String>> fields;
  private final String name;
  private final LocalDate today;

  AnswerCheck(AnswerParser parser, Question question, Map<String, List<String>> fields, LocalDate today) {
    this.parser = parser;
    this.question = question;
    this.fields = fields;
    this.name = question.name();
    this.today = today;
  }

  ParsedAnswer run() {
    return switch (question.type()) {
      case DATE -> date();
      case ADDRESS -> address();
      case NAME -> personName();
      case CHECKBOXES -> checkboxes();
      case FILE -> files();
      default -> single();
    };
  }

  private String first(String field) {
    List<String> values = fields.get(field);
    return values == null || values.isEmpty() ? "" : values.get(0).strip();
  }

  private ParsedAnswer ok(Object value) {
    return ParsedAnswer.valid(fields, Optional.of(value));
  }

  private ParsedAnswer error(String rule, String fieldId, String key, Object... arguments) {
    return errorOn(rule, fieldId, Set.of(), key, arguments);
  }

  private ParsedAnswer errorOn(String rule, String fieldId, Set<String> parts, String key, Object... arguments) {
    return ParsedAnswer.invalid(fields, new FieldError(fieldId, parser.message(question, rule, key, arguments), parts));
  }

  private String subject() {
    return parser.subject(question);
  }

  private String subjectStart() {
    return parser.subjectStart(question);
  }

  /** Blank: fine for an optional question, else "Enter ..." or "Select ...". */
  private ParsedAnswer required(String fieldId, Set<String> parts) {
    if (question.optional()) {
      return ParsedAnswer.valid(fields, Optional.empty());
    }
    boolean chosen = question.type().hasOptions() || question.type() == QuestionType.YES_NO
        || question.type() == QuestionType.FILE;
    return errorOn("required", fieldId, parts, chosen ? "error.required.select" : "error.required.enter", subject());
  }

  private ParsedAnswer single() {
    String value = first(name);
    if (value.isEmpty()) {
      return required(name, Set.of());
    }
    return switch (question.type()) {
      case TEXT, LONG_TEXT -> text(value);
      case EMAIL -> EMAIL.matcher(value).matches() ? ok(value) : error("format", name, "error.email");
      case PHONE -> phone(value);
      case POSTCODE -> AnswerParser.postcode(value).map(this::ok).orElseGet(() -> error("format", name, "error.postcode"));
      case NI_NUMBER -> niNumber(value);
      case NUMBER -> number(value, false);
      case MONEY -> number(value.startsWith("£") ? value.substring(1).strip() : value, true);
      case YES_NO -> value.equals("yes") || value.equals("no") ? ok(value.equals("yes")) : required(name, Set.of());
      case RADIOS, SELECT, AUTOCOMPLETE -> question.optionValues().contains(value) ? ok(value) : required(name, Set.of());
      default -> throw new IllegalStateException("not a single-field type: " + question.type());
    };
  }

  private ParsedAnswer text(String value) {
    Validation rules = question.validation();
    String text = question.type() == QuestionType.LONG_TEXT ? value.replace("\r\n", "\n") : value;
    int length = text.codePointCount(0, text.length());
    if (rules.minLength().isPresent() && length < rules.minLength().getAsInt()) {
      return error("minLength", name, "error.minLength", subjectStart(), String.valueOf(rules.minLength().getAsInt()));
    }
    if (rules.maxLength().isPresent() && length > rules.maxLength().getAsInt()) {
      return error("maxLength", name, "error.maxLength", subjectStart(), String.valueOf(rules.maxLength().getAsInt()));
    }
    if (rules.maxWords().isPresent() && text.split("\\s+").length > rules.maxWords().getAsInt()) {
      return error("maxWords", name, "error.maxWords", subjectStart(), String.valueOf(rules.maxWords().getAsInt()));
    }
    return ok(text);
  }

  private ParsedAnswer phone(String value) {
    String digits = value.replaceAll("[\\s()\\-.]", "");
    if (digits.startsWith("+44")) {
      digits = "0" + digits.substring(3).replaceFirst("^\\(?0\\)?", "");
    }
    return UK_PHONE.matcher(digits).matches() ? ok(value) : error("format", name, "error.phone");
  }

  private ParsedAnswer niNumber(String value) {
    String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!NI_NUMBER.matcher(compact).matches()) {
      return error("format", name, "error.niNumber");
    }
    return ok(compact.substring(0, 2) + " " + compact.substring(2, 4) + " " + compact.substring(4, 6) + " "
        + compact.substring(6, 8) + " " + compact.substring(8));
  }

  private ParsedAnswer number(String value, boolean money) {
    String plain = value.replace(",", "");
    Validation rules = question.validation();
    if (!NUMBER.matcher(plain).matches()) {
      return error("format", name, money ? "error.money" : "error.number", subjectStart());
    }
    BigDecimal number = new BigDecimal(plain);
    int places = rules.decimalPlaces();
    if (number.scale() > places) {
      String key = places == 0 ? "error.wholeNumber" : money ? "error.pence" : "error.decimalPlaces";
      return error("decimalPlaces", name, key, subjectStart(), String.valueOf(places));
    }
    String unit = money ? parser.message("question.money.prefix") : "";
    if (rules.min().isPresent() && number.compareTo(rules.min().get()) < 0) {
      return error("min", name, "error.min", subjectStart(), unit + rules.min().get().toPlainString());
    }
    if (rules.max().isPresent() && number.compareTo(rules.max().get()) > 0) {
      return error("max", name, "error.max", subjectStart(), unit + rules.max().get().toPlainString());
    }
    return ok(money ? number.setScale(2) : number);
  }

  private ParsedAnswer date() {
    String day = first(name + "-day");
    String month = first(name + "-month");
    String year = first(name + "-year");
    if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
      return required(name + "-day", DATE_PARTS);
    }
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
      List<String> parts = missing.stream().map(part -> parser.message("error.date.part." + part)).toList();
      return missing.size() == 1
          ? errorOn("format", name + "-" + missing.get(0), Set.copyOf(missing), "error.date.missing", subjectStart(), parts.get(0))
          : errorOn("format", name + "-" + missing.get(0), Set.copyOf(missing), "error.date.missingTwo", subjectStart(),
              parts.get(0), parts.get(1));
    }
    LocalDate date;
    try {
      if (!day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}") || !year.matches("[0-9]{4}")) {
        throw new DateTimeException("not numbers");
      }
      date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return errorOn("format", name + "-day", DATE_PARTS, "error.date.real", subjectStart());
    }
    return dateRules(date);
  }

  private ParsedAnswer dateRules(LocalDate date) {
    Validation rules = question.validation();
    String field = name + "-day";
    if (rules.past() && !date.isBefore(today)) {
      return errorOn("past", field, DATE_PARTS, "error.date.past", subjectStart());
    }
    if (rules.future() && !date.isAfter(today)) {
      return errorOn("future", field, DATE_PARTS, "error.date.future", subjectStart());
    }
    if (rules.after().isPresent() && !date.isAfter(rules.after().get())) {
      return errorOn("after", field, DATE_PARTS, "error.date.after", subjectStart(), parser.date(rules.after().get()));
    }
    if (rules.before().isPresent() && !date.isBefore(rules.before().get())) {
      return errorOn("before", field, DATE_PARTS, "error.date.before", subjectStart(), parser.date(rules.before().get()));
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
      return required(name + "-line1", Set.of());
    }
    if (line1.isEmpty()) {
      return error("format", name + "-line1", "error.address.line1");
    }
    if (town.isEmpty()) {
      return error("format", name + "-town", "error.address.town");
    }
    if (postcode.isEmpty()) {
      return error("format", name + "-postcode", "error.address.postcode");
    }
    Optional<String> normalised = AnswerParser.postcode(postcode);
    if (normalised.isEmpty()) {
      return error("format", name + "-postcode", "error.postcode");
    }
    return ok(new Address(line1, optional(line2), town, optional(county), normalised.get()));
  }

  private ParsedAnswer personName() {
    String given = first(name + "-given");
    String family = first(name + "-family");
    if (given.isEmpty() && family.isEmpty()) {
      return required(name + "-given", Set.of());
    }
    if (given.isEmpty()) {
      return error("format", name + "-given", "error.name.given");
    }
    if (family.isEmpty()) {
      return error("format", name + "-family", "error.name.family");
    }
    return ok(new PersonName(given, family));
  }

  private ParsedAnswer checkboxes() {
    List<String> chosen = fields.get(name).stream().map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    if (chosen.isEmpty() || !question.optionValues().containsAll(chosen)) {
      return required(name, Set.of());
    }
    Optional<Option> none = question.noneOption();
    if (none.isPresent() && chosen.contains(none.get().value()) && chosen.size() > 1) {
      return error("format", name, "error.noneOnItsOwn", none.get().text().in(parser.language()));
    }
    return ok(chosen);
  }

  /** The files stored for a file question (its post is {@link FileUploads}'s): "Select a file" when there are none. */
  private ParsedAnswer files() {
    List<org.stpkit.forms.spi.UploadedFile> files = StoredFiles.decode(fields);
    return files.isEmpty() ? required(name, Set.of()) : ok(files);
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}

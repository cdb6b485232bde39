package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.stpkit.forms.Address;
import org.stpkit.forms.Option;
import org.stpkit.forms.PersonName;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;

/**
 * An answer as a person reads it on check your answers: dates written out ("27 March 1990"), money
 * with its pound sign and pence, yes and no, an option's text rather than its value, an address
 * line by line. Plain text lines; the template puts the line breaks in and escapes them.
 */
final class AnswerFormatter {
  private final Messages messages;
  private final DateTimeFormatter dates;

  AnswerFormatter(Messages messages) {
    this.messages = messages;
    this.dates = DateTimeFormatter.ofPattern(messages.get("answer.dateFormat"), messages.locale());
  }

  List<String> lines(Question question, Object value) {
    List<String> lines = new ArrayList<>();
    if (value instanceof LocalDate date) {
      lines.add(date.format(dates));
    } else if (value instanceof Boolean yes) {
      lines.add(messages.get(yes ? "answer.yes" : "answer.no"));
    } else if (value instanceof BigDecimal number) {
      lines.add(question.type() == QuestionType.MONEY ? messages.get("answer.money", money(number)) : number.toPlainString());
    } else if (value instanceof Address address) {
      lines.add(address.line1());
      address.line2().ifPresent(lines::add);
      lines.add(address.town());
      address.county().ifPresent(lines::add);
      lines.add(address.postcode());
    } else if (value instanceof PersonName name) {
      lines.add(name.givenName() + " " + name.familyName());
    } else if (question.type() == QuestionType.FILE && value instanceof List<?> files) {
      files.forEach(file -> lines.add(FileComponent.describe((org.stpkit.forms.spi.UploadedFile) file, messages)));
    } else if (value instanceof List<?> chosen) {
      chosen.forEach(choice -> lines.add(optionText(question, choice.toString())));
    } else if (question.type().hasOptions()) {
      lines.add(optionText(question, value.toString()));
    } else {
      lines.addAll(List.of(value.toString().split("\n", -1)));
    }
    return lines;
  }

  /** A date as messages write it ("27 March 1990"). */
  String date(LocalDate date) {
    return date.format(dates);
  }

  private String money(BigDecimal amount) {
    NumberFormat format = NumberFormat.getNumberInstance(java.util.Locale.UK);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }

  private String optionText(Question question, String value) {
    List<Option> options = new ArrayList<>(question.options());
    question.noneOption().ifPresent(options::add);
    return options.stream().filter(option -> option.value().equals(value)).findFirst()
        .map(option -> option.text().in(messages.language())).orElse(value);
  }
}

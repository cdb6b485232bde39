package org.stpkit.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.notifyrules.Refusal;

/**
 * A case's recipient values checked with Notify's own rules (notify-rules), and explained to the
 * developer whose case data broke them: the email address, the UK mobile number (normalised to
 * {@code 07...}) or the letter address (a list of lines, a map of lines in order, or text with one
 * line per row; 3 to 7 lines, the last a UK postcode or a country).
 */
public final class Recipients {
  private Recipients() {}

  /** A recipient Notify will accept, or why not. */
  public record Checked(Optional<Object> value, Optional<String> problem) {
    static Checked ok(Object value) {
      return new Checked(Optional.of(value), Optional.empty());
    }

    static Checked problem(String problem) {
      return new Checked(Optional.empty(), Optional.of(problem));
    }
  }

  public static Checked email(Object value) {
    String address = value.toString().strip();
    return explain(org.stpkit.notifyrules.Recipients.email(address),
        refusal -> "'" + address + "' is not a valid email address");
  }

  /** A UK mobile number as {@code 07xxxxxxxxx}. */
  public static Checked ukMobile(Object value) {
    return explain(org.stpkit.notifyrules.Recipients.ukMobile(value.toString()), refusal ->
        refusal == Refusal.PHONE_LETTERS_OR_SYMBOLS
            ? "'" + value + "' is not a UK mobile number: it has letters or symbols"
            : "'" + value + "' is not a UK mobile number (07 and 9 more digits)");
  }

  /** A postal address as Notify's {@code address_line_1..7}; the postcode is normalised. */
  public static Checked letterAddress(Object value) {
    List<String> lines = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(line -> addLine(lines, line));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(line -> addLine(lines, line));
    } else {
      for (String line : value.toString().split("\\R")) {
        addLine(lines, line);
      }
    }
    return explain(org.stpkit.notifyrules.Recipients.letterAddress(lines), refusal -> switch (refusal) {
      case ADDRESS_TOO_FEW_LINES -> "a letter address needs at least 3 lines, it has " + lines.size();
      case ADDRESS_TOO_MANY_LINES -> "a letter address can have at most 7 lines, it has " + lines.size();
      default -> "the last line of a letter address must be a UK postcode or a country, not '"
          + lines.get(lines.size() - 1) + "'";
    });
  }

  private static <T> Checked explain(org.stpkit.notifyrules.Checked<T> checked,
      java.util.function.Function<Refusal, String> message) {
    return checked.refusal().map(refusal -> Checked.problem(message.apply(refusal)))
        .orElseGet(() -> Checked.ok(checked.value().orElseThrow()));
  }

  private static void addLine(List<String> lines, Object line) {
    if (line != null && !line.toString().isBlank()) {
      lines.add(line.toString().strip());
    }
  }
}

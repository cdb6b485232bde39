package org.stpkit.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and normalises recipients as Notify will: email syntax, UK mobile numbers (to
 * {@code 07...}), letter addresses (3 to 7 lines, the last a UK postcode or a country).
 */
public final class Recipients {
  private static final Pattern EMAIL = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");
  private static final Pattern UK_POSTCODE = Pattern.compile("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$");
  private static final Set<String> COUNTRIES = Set.of("FRANCE", "GERMANY", "SPAIN", "ITALY", "IRELAND", "USA",
      "UNITED STATES", "CANADA", "AUSTRALIA", "NEW ZEALAND", "INDIA", "JAPAN", "NETHERLANDS", "BELGIUM", "PORTUGAL");

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
    if (address.length() > 320 || address.contains("..") || !EMAIL.matcher(address).matches()) {
      return Checked.problem("'" + address + "' is not a valid email address");
    }
    return Checked.ok(address);
  }

  /** A UK mobile number as {@code 07xxxxxxxxx}. */
  public static Checked ukMobile(Object value) {
    String stripped = value.toString().replaceAll("[\\s().\\-]", "");
    if (stripped.startsWith("+")) {
      stripped = stripped.substring(1);
    }
    if (!stripped.matches("[0-9]+")) {
      return Checked.problem("'" + value + "' is not a UK mobile number: it has letters or symbols");
    }
    if (stripped.startsWith("0044")) {
      stripped = "0" + stripped.substring(4);
    } else if (stripped.startsWith("44")) {
      stripped = "0" + stripped.substring(2);
    } else if (stripped.startsWith("7")) {
      stripped = "0" + stripped;
    }
    if (!stripped.startsWith("07") || stripped.length() != 11) {
      return Checked.problem("'" + value + "' is not a UK mobile number (07 and 9 more digits)");
    }
    return Checked.ok(stripped);
  }

  /**
   * A postal address as Notify's {@code address_line_1..7}: from a list of lines, a map of lines (in
   * order), or text with one line per row. The postcode is normalised.
   */
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
    if (lines.size() < 3) {
      return Checked.problem("a letter address needs at least 3 lines, it has " + lines.size());
    }
    if (lines.size() > 7) {
      return Checked.problem("a letter address can have at most 7 lines, it has " + lines.size());
    }
    String last = lines.get(lines.size() - 1);
    String compact = last.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (UK_POSTCODE.matcher(compact).matches()) {
      lines.set(lines.size() - 1, compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    } else if (!COUNTRIES.contains(last.toUpperCase(Locale.ROOT))) {
      return Checked.problem("the last line of a letter address must be a UK postcode or a country, not '" + last + "'");
    }
    return Checked.ok(List.copyOf(lines));
  }

  private static void addLine(List<String> lines, Object line) {
    if (line != null && !line.toString().isBlank()) {
      lines.add(line.toString().strip());
    }
  }
}

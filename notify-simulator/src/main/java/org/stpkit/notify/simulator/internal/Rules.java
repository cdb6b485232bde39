package org.stpkit.notify.simulator.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Notify's recipient rules: email syntax, UK mobile numbers, letter addresses. */
public final class Rules {
  private static final Pattern EMAIL = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");
  private static final Pattern UK_POSTCODE = Pattern.compile("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$");
  /** A few of the countries Notify accepts as a letter's last line; enough to tell a country from a postcode. */
  private static final Set<String> COUNTRIES = Set.of("FRANCE", "GERMANY", "SPAIN", "ITALY", "IRELAND", "USA",
      "UNITED STATES", "CANADA", "AUSTRALIA", "NEW ZEALAND", "INDIA", "JAPAN", "NETHERLANDS", "BELGIUM", "PORTUGAL");

  private Rules() {}

  public static boolean isEmail(String address) {
    return address.length() <= 320 && !address.contains("..") && EMAIL.matcher(address).matches();
  }

  /**
   * A UK mobile number in the form {@code 07xxxxxxxxx}, or why it is not one, in Notify's words.
   */
  public static PhoneCheck ukMobile(String number) {
    String stripped = number.replaceAll("[\\s().\\-]", "");
    if (stripped.startsWith("+")) {
      stripped = stripped.substring(1);
    }
    if (!stripped.matches("[0-9]*")) {
      return PhoneCheck.problem("Must not contain letters or symbols");
    }
    if (stripped.startsWith("0044")) {
      stripped = "0" + stripped.substring(4);
    } else if (stripped.startsWith("44")) {
      stripped = "0" + stripped.substring(2);
    } else if (stripped.startsWith("7")) {
      stripped = "0" + stripped;
    }
    if (!stripped.startsWith("07")) {
      return PhoneCheck.problem("Not a UK mobile number");
    }
    if (stripped.length() > 11) {
      return PhoneCheck.problem("Too many digits");
    }
    if (stripped.length() < 11) {
      return PhoneCheck.problem("Not enough digits");
    }
    return new PhoneCheck(Optional.of(stripped), Optional.empty());
  }

  /** A normalised UK mobile number, or the problem with it. */
  public record PhoneCheck(Optional<String> normalised, Optional<String> problem) {
    static PhoneCheck problem(String problem) {
      return new PhoneCheck(Optional.empty(), Optional.of(problem));
    }
  }

  /** The problem with a letter's address lines (given in order, empty ones left out), if any. */
  public static Optional<String> letterAddressProblem(List<String> lines) {
    if (lines.size() < 3) {
      return Optional.of("Address must be at least 3 lines");
    }
    if (lines.size() > 7) {
      return Optional.of("Address must be no more than 7 lines");
    }
    String last = lines.get(lines.size() - 1).strip();
    String compact = last.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!UK_POSTCODE.matcher(compact).matches() && !COUNTRIES.contains(last.toUpperCase(Locale.ROOT))) {
      return Optional.of("Last line of address must be a real UK postcode or another country");
    }
    return Optional.empty();
  }
}

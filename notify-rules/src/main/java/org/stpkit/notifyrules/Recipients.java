package org.stpkit.notifyrules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recipients Notify accepts: email addresses, UK mobile numbers (normalised to
 * {@code 07xxxxxxxxx}) and letter addresses (3 to 7 lines, the last a UK postcode, normalised to
 * {@code SW1A 1AA}, or a country).
 */
public final class Recipients {
  private static final Pattern EMAIL = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");
  private static final Pattern UK_POSTCODE =
      Pattern.compile("^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$");
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-]");
  private static final Set<String> COUNTRIES = countries();

  private Recipients() {}

  /** An email address as Notify checks it; surrounding spaces are dropped. */
  public static Checked<String> email(String address) {
    String stripped = address.strip();
    if (stripped.length() > 320 || stripped.contains("..") || !EMAIL.matcher(stripped).matches()) {
      return Checked.refused(Refusal.EMAIL_INVALID);
    }
    return Checked.valid(stripped);
  }

  /** A UK mobile number, normalised to {@code 07xxxxxxxxx}; spaces, brackets, dots, dashes and {@code +44} allowed. */
  public static Checked<String> ukMobile(String number) {
    String stripped = PHONE_PUNCTUATION.matcher(number).replaceAll("");
    if (stripped.startsWith("+")) {
      stripped = stripped.substring(1);
    }
    if (!stripped.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Checked.refused(Refusal.PHONE_LETTERS_OR_SYMBOLS);
    }
    if (stripped.startsWith("0044")) {
      stripped = "0" + stripped.substring(4);
    } else if (stripped.startsWith("44")) {
      stripped = "0" + stripped.substring(2);
    } else if (stripped.startsWith("7")) {
      stripped = "0" + stripped;
    }
    if (!stripped.startsWith("07")) {
      return Checked.refused(Refusal.PHONE_NOT_UK_MOBILE);
    }
    if (stripped.length() > 11) {
      return Checked.refused(Refusal.PHONE_TOO_MANY_DIGITS);
    }
    if (stripped.length() < 11) {
      return Checked.refused(Refusal.PHONE_NOT_ENOUGH_DIGITS);
    }
    return Checked.valid(stripped);
  }

  /**
   * A letter's address lines, in order: blank lines are dropped and the others stripped; a UK
   * postcode on the last line is normalised ({@code sw1a1aa} → {@code SW1A 1AA}).
   */
  public static Checked<List<String>> letterAddress(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        kept.add(line.strip());
      }
    }
    if (kept.size() < 3) {
      return Checked.refused(Refusal.ADDRESS_TOO_FEW_LINES);
    }
    if (kept.size() > 7) {
      return Checked.refused(Refusal.ADDRESS_TOO_MANY_LINES);
    }
    String last = kept.get(kept.size() - 1);
    String compact = last.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (UK_POSTCODE.matcher(compact).matches()) {
      kept.set(kept.size() - 1, compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    } else if (!isCountry(last)) {
      return Checked.refused(Refusal.ADDRESS_LAST_LINE);
    }
    return Checked.valid(List.copyOf(kept));
  }

  /** True for a UK postcode, with or without its space, in any case. */
  public static boolean isUkPostcode(String text) {
    return UK_POSTCODE.matcher(text.replaceAll("\\s", "").toUpperCase(Locale.ROOT)).matches();
  }

  /** True for the name of a country or territory outside the UK that Notify posts to. */
  public static boolean isCountry(String text) {
    return COUNTRIES.contains(text.strip().toUpperCase(Locale.ROOT));
  }

  /** Whether a checked address (the output of {@link #letterAddress}) is in the UK. */
  public static boolean isUkAddress(List<String> lines) {
    return !lines.isEmpty() && isUkPostcode(lines.get(lines.size() - 1));
  }

  private static Set<String> countries() {
    Set<String> names = new HashSet<>();
    try (InputStream in = Recipients.class.getResourceAsStream("countries.txt")) {
      if (in == null) {
        throw new IllegalStateException("countries.txt is missing from the notify-rules jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip().toUpperCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(names);
  }
}

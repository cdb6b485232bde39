package org.stpkit.templates.internal.moj;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moment.js's {@code format(pattern)} in its default English locale: the same tokens, read by
 * the same regular expressions ({@code [text]} and {@code \x} escaped, longest token first), with
 * the locale's long formats ({@code LT}, {@code LL}, ...) expanded first, as moment does.
 */
final class MomentFormat {
  private static final Pattern TOKENS = Pattern.compile(
      "(\\[[^\\[]*\\])|(\\\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}"
          + "|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)");
  private static final Pattern BRACKETED = Pattern.compile("\\[[\\s\\S]");
  private static final Pattern LOCAL_TOKENS = Pattern.compile("(\\[[^\\[]*\\])|(\\\\)?(LTS|LT|LL?L?L?|l{1,4})");
  private static final Map<String, String> LONG_FORMATS = Map.of(
      "LTS", "h:mm:ss A", "LT", "h:mm A", "L", "MM/DD/YYYY", "LL", "MMMM D, YYYY",
      "LLL", "MMMM D, YYYY h:mm A", "LLLL", "dddd, MMMM D, YYYY h:mm A",
      "l", "M/D/YYYY", "ll", "MMM D, YYYY", "lll", "MMM D, YYYY h:mm A", "llll", "ddd, MMM D, YYYY h:mm A");
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

  private MomentFormat() {}

  /**
   * The moment formatted. Line breaks in the pattern are dropped: moment's token expression, like
   * this one, matches any other single character but not them.
   */
  static String format(ZonedDateTime moment, String pattern) {
    String expanded = pattern;
    // moment expands at most six levels of long formats.
    for (int i = 5; i >= 0 && LOCAL_TOKENS.matcher(expanded).find(); i--) {
      Matcher local = LOCAL_TOKENS.matcher(expanded);
      StringBuilder replaced = new StringBuilder();
      while (local.find()) {
        local.appendReplacement(replaced, Matcher.quoteReplacement(LONG_FORMATS.getOrDefault(local.group(), local.group())));
      }
      local.appendTail(replaced);
      expanded = replaced.toString();
    }
    StringBuilder out = new StringBuilder(expanded.length() + 8);
    Matcher tokens = TOKENS.matcher(expanded);
    while (tokens.find()) {
      String token = tokens.group();
      String value = token(moment, token);
      if (value != null) {
        out.append(value);
      } else if (BRACKETED.matcher(token).find()) {
        out.append(token.replaceAll("^\\[|\\]$", ""));
      } else {
        out.append(token.replace("\\", ""));
      }
    }
    return out.toString();
  }

  /**
   * The token's value, or null when it is not a token (it is then printed without its escapes): the
   * date's tokens here, the time's in {@link #timeToken}.
   */
  private static String token(ZonedDateTime m, String token) {
    int year = m.getYear();
    switch (token) {
      case "M": return Integer.toString(m.getMonthValue());
      case "MM": return pad(m.getMonthValue(), 2);
      case "Mo": return ordinal(m.getMonthValue());
      case "MMM": return MONTHS[m.getMonthValue() - 1].substring(0, 3);
      case "MMMM": return MONTHS[m.getMonthValue() - 1];
      case "Q": return Integer.toString(m.get(IsoFields.QUARTER_OF_YEAR));
      case "Qo": return ordinal(m.get(IsoFields.QUARTER_OF_YEAR));
      case "D": return Integer.toString(m.getDayOfMonth());
      case "DD": return pad(m.getDayOfMonth(), 2);
      case "Do": return ordinal(m.getDayOfMonth());
      case "DDD": return Integer.toString(m.getDayOfYear());
      case "DDDD": return pad(m.getDayOfYear(), 3);
      case "DDDo": return ordinal(m.getDayOfYear());
      case "d": case "e": return Integer.toString(sundayBased(m));
      case "do": return ordinal(sundayBased(m));
      case "dd": return WEEKDAYS[sundayBased(m)].substring(0, 2);
      case "ddd": return WEEKDAYS[sundayBased(m)].substring(0, 3);
      case "dddd": return WEEKDAYS[sundayBased(m)];
      case "E": return Integer.toString(m.getDayOfWeek().getValue());
      case "w": return Integer.toString(localeWeek(m)[0]);
      case "ww": return pad(localeWeek(m)[0], 2);
      case "wo": return ordinal(localeWeek(m)[0]);
      case "W": return Integer.toString(m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "WW": return pad(m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
      case "Wo": return ordinal(m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "Y": return year <= 9999 ? pad(year, 4) : "+" + year;
      case "YY": return pad(year % 100, 2);
      case "YYYY": return pad(year, 4);
      case "YYYYY": return pad(year, 5);
      case "YYYYYY": return (year >= 0 ? "+" : "") + pad(year, 6);
      case "gg": return pad(localeWeek(m)[1] % 100, 2);
      case "gggg": return pad(localeWeek(m)[1], 4);
      case "ggggg": return pad(localeWeek(m)[1], 5);
      case "GG": return pad(m.get(IsoFields.WEEK_BASED_YEAR) % 100, 2);
      case "GGGG": return pad(m.get(IsoFields.WEEK_BASED_YEAR), 4);
      case "GGGGG": return pad(m.get(IsoFields.WEEK_BASED_YEAR), 5);
      case "N": case "NN": case "NNN": case "NNNNN": return year >= 1 ? "AD" : "BC";
      case "NNNN": return year >= 1 ? "Anno Domini" : "Before Christ";
      case "y": return Integer.toString(eraYear(year));
      case "yy": return pad(eraYear(year), 2);
      case "yyy": return pad(eraYear(year), 3);
      case "yyyy": return pad(eraYear(year), 4);
      case "yo": return ordinal(eraYear(year));
      default: return timeToken(m, token);
    }
  }

  /** The time of day's tokens, the epoch's and the fractions of a second; null when it is not a token. */
  private static String timeToken(ZonedDateTime m, String token) {
    int hour = m.getHour();
    switch (token) {
      case "a": return hour > 11 ? "pm" : "am";
      case "A": return hour > 11 ? "PM" : "AM";
      case "H": return Integer.toString(hour);
      case "HH": return pad(hour, 2);
      case "h": return Integer.toString(twelveHour(hour));
      case "hh": return pad(twelveHour(hour), 2);
      case "k": return Integer.toString(hour == 0 ? 24 : hour);
      case "kk": return pad(hour == 0 ? 24 : hour, 2);
      case "hmm": return twelveHour(hour) + pad(m.getMinute(), 2);
      case "hmmss": return twelveHour(hour) + pad(m.getMinute(), 2) + pad(m.getSecond(), 2);
      case "Hmm": return hour + pad(m.getMinute(), 2);
      case "Hmmss": return hour + pad(m.getMinute(), 2) + pad(m.getSecond(), 2);
      case "m": return Integer.toString(m.getMinute());
      case "mm": return pad(m.getMinute(), 2);
      case "s": return Integer.toString(m.getSecond());
      case "ss": return pad(m.getSecond(), 2);
      case "Z": return offset(m, ":");
      case "ZZ": return offset(m, "");
      case "z": case "zz": return "";
      case "X": return Long.toString(Math.floorDiv(m.toInstant().toEpochMilli(), 1000));
      case "x": return Long.toString(m.toInstant().toEpochMilli());
      default: return fraction(m, token);
    }
  }

  /** {@code S} to {@code SSSSSSSSS}: the milliseconds to that many digits, zero-filled past three. */
  private static String fraction(ZonedDateTime m, String token) {
    if (!token.matches("S{1,9}")) {
      return null;
    }
    int millis = m.get(ChronoField.MILLI_OF_SECOND);
    int digits = token.length();
    long value = digits <= 3 ? millis / (long) Math.pow(10, 3 - digits) : millis * (long) Math.pow(10, digits - 3);
    return digits == 1 ? Long.toString(value) : pad(value, digits);
  }

  private static int sundayBased(ZonedDateTime m) {
    return m.getDayOfWeek().getValue() % 7;
  }

  private static int twelveHour(int hour) {
    return hour % 12 == 0 ? 12 : hour % 12;
  }

  private static int eraYear(int year) {
    return year >= 1 ? year : 1 - year;
  }

  /**
   * The English locale's week and week-year: weeks start on Sunday, and the week holding 1 January
   * is the first (moment's {@code dow: 0, doy: 6}).
   */
  private static int[] localeWeek(ZonedDateTime m) {
    int year = m.getYear();
    int week = Math.floorDiv(m.getDayOfYear() - firstWeekOffset(year) - 1, 7) + 1;
    if (week < 1) {
      return new int[] {week + weeksInYear(year - 1), year - 1};
    }
    if (week > weeksInYear(year)) {
      return new int[] {week - weeksInYear(year), year + 1};
    }
    return new int[] {week, year};
  }

  private static int firstWeekOffset(int year) {
    int firstWeekDay = 7 + 0 - 6;
    int weekday = java.time.LocalDate.of(year, 1, firstWeekDay).getDayOfWeek().getValue() % 7;
    return -((7 + weekday) % 7) + firstWeekDay - 1;
  }

  private static int weeksInYear(int year) {
    int daysInYear = java.time.Year.isLeap(year) ? 366 : 365;
    return (daysInYear - firstWeekOffset(year) + firstWeekOffset(year + 1)) / 7;
  }

  private static String offset(ZonedDateTime m, String separator) {
    int minutes = m.getOffset().getTotalSeconds() / 60;
    String sign = minutes < 0 ? "-" : "+";
    minutes = Math.abs(minutes);
    return sign + pad(minutes / 60, 2) + separator + pad(minutes % 60, 2);
  }

  /** moment's {@code zeroFill}: the absolute value padded with zeros, a minus sign in front. */
  private static String pad(long number, int length) {
    String digits = Long.toString(Math.abs(number));
    String zeros = digits.length() < length ? "0".repeat(length - digits.length()) : "";
    return (number < 0 ? "-" : "") + zeros + digits;
  }

  /** The English locale's ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
  private static String ordinal(int number) {
    int lastDigit = number % 10;
    String suffix = (number % 100) / 10 == 1 ? "th"
        : lastDigit == 1 ? "st" : lastDigit == 2 ? "nd" : lastDigit == 3 ? "rd" : "th";
    return number + suffix;
  }
}

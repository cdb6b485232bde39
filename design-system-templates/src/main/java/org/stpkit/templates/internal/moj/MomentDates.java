package org.stpkit.templates.internal.moj;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Js;

/**
 * MoJ Frontend's Nunjucks filters {@code date(format)} and {@code mojDate(type)}
 * ({@code moj/filters/all.js}), which are moment.js: {@code moment(timestamp).format(format)} in
 * moment's default English locale and the JVM's default time zone, as moment formats in the Node
 * process's local time zone.
 *
 * <p>Timestamps are read as moment reads them: ISO 8601 strings (extended and basic forms, a time
 * after {@code T} or a space, an optional {@code Z} or offset; without one, local time), RFC 2822
 * strings, ASP.NET's {@code /Date(ms)/}, and numbers as milliseconds since the epoch; undefined is
 * now. Invalid dates give {@code "Invalid date"}, as in moment. One difference: strings moment
 * cannot read as any of those it hands to the JavaScript engine's own {@code Date} parser, whose
 * rules are the engine's; here they are invalid dates.
 */
final class MomentDates {
  private static final String INVALID = "Invalid date";

  private static final Pattern EXTENDED_ISO = Pattern.compile(
      "^\\s*((?:[+-]\\d{6}|\\d{4})-(?:\\d\\d-\\d\\d|W\\d\\d-\\d|W\\d\\d|\\d\\d\\d|\\d\\d))"
          + "(?:(T| )(\\d\\d(?::\\d\\d(?::\\d\\d(?:[.,]\\d+)?)?)?)([+-]\\d\\d(?::?\\d\\d)?|\\s*Z)?)?$");
  private static final Pattern BASIC_ISO = Pattern.compile(
      "^\\s*((?:[+-]\\d{6}|\\d{4})(?:\\d\\d\\d\\d|W\\d\\d\\d|W\\d\\d|\\d\\d\\d|\\d\\d|))"
          + "(?:(T| )(\\d\\d(?:\\d\\d(?:\\d\\d(?:[.,]\\d+)?)?)?)([+-]\\d\\d(?::?\\d\\d)?|\\s*Z)?)?$");
  private static final Pattern ASP_NET_JSON = Pattern.compile("^/?Date\\((-?\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RFC_2822 = Pattern.compile(
      "^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\\s)?(\\d{1,2})\\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s"
          + "(\\d{2,4})\\s(\\d\\d):(\\d\\d)(?::(\\d\\d))?\\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\\d{4}))$");
  private static final Map<String, Integer> OBSOLETE_OFFSETS = Map.of(
      "UT", 0, "GMT", 0, "EDT", -4 * 60, "EST", -5 * 60, "CDT", -5 * 60, "CST", -6 * 60,
      "MDT", -6 * 60, "MST", -7 * 60, "PDT", -7 * 60, "PST", -8 * 60);
  private static final String MONTHS_SHORT = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private MomentDates() {}

  /** MoJ's {@code mojDate(timestamp, type)}: the timestamp itself for a type it does not know. */
  static @Nullable Object mojDate(@Nullable Object timestamp, @Nullable Object type) {
    if (!(type instanceof String)) {
      return timestamp;
    }
    switch ((String) type) {
      case "datetime": return format(timestamp, "D MMMM YYYY") + " at " + time(timestamp);
      case "shortdatetime": return format(timestamp, "D MMM YYYY") + " at " + time(timestamp);
      case "date": return format(timestamp, "D MMMM YYYY");
      case "shortdate": return format(timestamp, "D MMM YYYY");
      case "time": return time(timestamp);
      default: return timestamp;
    }
  }

  /** {@code 3pm}, or {@code 3:05pm} when the minutes are not 0. */
  private static String time(@Nullable Object timestamp) {
    ZonedDateTime moment = parse(timestamp);
    if (moment == null) {
      return INVALID;
    }
    return MomentFormat.format(moment, moment.getMinute() > 0 ? "h:mma" : "ha");
  }

  /** MoJ's {@code date(timestamp, format)}: {@code moment(timestamp).format(format)}. */
  static String format(@Nullable Object timestamp, @Nullable Object format) {
    ZonedDateTime moment = parse(timestamp);
    if (moment == null) {
      return INVALID;
    }
    // moment formats falsy formats with its default, an ISO 8601 date and time with offset.
    String pattern = Js.truthy(format) ? Js.string(format) : "YYYY-MM-DDTHH:mm:ssZ";
    return MomentFormat.format(moment, pattern);
  }

  /** The moment, in the JVM's time zone; null when moment would call it invalid. */
  static @Nullable ZonedDateTime parse(@Nullable Object timestamp) {
    ZoneId zone = ZoneId.systemDefault();
    if (timestamp == null) {
      return ZonedDateTime.now(zone);
    }
    if (timestamp instanceof Number) {
      double millis = ((Number) timestamp).doubleValue();
      if (Double.isNaN(millis) || Math.abs(millis) > 8.64e15) {
        return null;
      }
      return Instant.ofEpochMilli((long) millis).atZone(zone);
    }
    if (!(timestamp instanceof String)) {
      return null;
    }
    String text = (String) timestamp;
    try {
      Matcher aspNet = ASP_NET_JSON.matcher(text);
      if (aspNet.find()) {
        return Instant.ofEpochMilli(Long.parseLong(aspNet.group(1))).atZone(zone);
      }
      Matcher iso = EXTENDED_ISO.matcher(text);
      if (iso.matches() || (iso = BASIC_ISO.matcher(text)).matches()) {
        return fromIso(iso, zone);
      }
      Matcher rfc = RFC_2822.matcher(text.replaceAll("\\([^()]*\\)|[\\n\\t]", " ").replaceAll("(\\s\\s+)", " ").strip());
      if (rfc.matches()) {
        return fromRfc2822(rfc, zone);
      }
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  private static @Nullable ZonedDateTime fromIso(Matcher match, ZoneId zone) {
    String date = match.group(1).strip();
    int sign = 1;
    if (date.charAt(0) == '+' || date.charAt(0) == '-') {
      sign = date.charAt(0) == '-' ? -1 : 1;
      date = date.substring(1);
    }
    date = date.replace("-", "");
    int yearLength = sign == -1 || match.group(1).strip().charAt(0) == '+' ? 6 : 4;
    int year = sign * Integer.parseInt(date.substring(0, yearLength));
    String rest = date.substring(yearLength);
    LocalDate day;
    boolean timeAllowed = true;
    if (rest.startsWith("W")) {
      int week = Integer.parseInt(rest.substring(1, 3));
      int weekday = rest.length() > 3 ? Integer.parseInt(rest.substring(3)) : 1;
      timeAllowed = rest.length() > 3;
      if (week < 1 || week > 53 || weekday < 1 || weekday > 7) {
        return null;
      }
      day = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
          .with(java.time.temporal.ChronoField.DAY_OF_WEEK, weekday);
    } else if (rest.length() == 4) {
      day = LocalDate.of(year, Integer.parseInt(rest.substring(0, 2)), Integer.parseInt(rest.substring(2)));
    } else if (rest.length() == 3) {
      day = LocalDate.ofYearDay(year, Integer.parseInt(rest));
    } else if (rest.length() == 2) {
      day = LocalDate.of(year, Integer.parseInt(rest), 1);
      timeAllowed = false;
    } else {
      day = LocalDate.of(year, 1, 1);
      timeAllowed = false;
    }
    String time = match.group(3);
    if (time != null && !timeAllowed) {
      return null;
    }
    LocalDateTime local = day.atStartOfDay();
    if (time != null) {
      local = withTime(day, time.replace(":", ""));
      if (local == null) {
        return null;
      }
    }
    String offset = match.group(4);
    if (offset == null) {
      return ZonedDateTime.of(local, zone);
    }
    offset = offset.strip();
    if (offset.equals("Z")) {
      return local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
    }
    String digits = offset.replace(":", "");
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    int total = (hours * 60 + minutes) * (digits.charAt(0) == '-' ? -1 : 1);
    return local.minusMinutes(total).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
  }

  /** {@code HHmmss.SSS...} with colons removed; hour 24 only as the end of the day, as moment allows. */
  private static @Nullable LocalDateTime withTime(LocalDate day, String time) {
    int hour = Integer.parseInt(time.substring(0, 2));
    int minute = time.length() >= 4 ? Integer.parseInt(time.substring(2, 4)) : 0;
    int second = time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0;
    int millis = 0;
    if (time.length() > 7) {
      // moment keeps milliseconds only, cutting the rest off.
      String fraction = (time.substring(7) + "000").substring(0, 3);
      millis = Integer.parseInt(fraction);
    }
    if (minute > 59 || second > 59) {
      return null;
    }
    if (hour == 24) {
      return minute == 0 && second == 0 && millis == 0 ? day.plusDays(1).atStartOfDay() : null;
    }
    if (hour > 23) {
      return null;
    }
    return day.atTime(hour, minute, second, millis * 1_000_000);
  }

  private static @Nullable ZonedDateTime fromRfc2822(Matcher match, ZoneId zone) {
    int year = Integer.parseInt(match.group(4));
    if (match.group(4).length() <= 3) {
      year = year <= 49 ? 2000 + year : year <= 999 ? 1900 + year : year;
    }
    int month = MONTHS_SHORT.indexOf(match.group(3)) / 3 + 1;
    LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(match.group(2)),
        Integer.parseInt(match.group(5)), Integer.parseInt(match.group(6)),
        match.group(7) == null ? 0 : Integer.parseInt(match.group(7)));
    if (match.group(1) != null
        && !local.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH).equals(match.group(1))) {
      return null;
    }
    int offsetMinutes;
    if (match.group(8) != null) {
      offsetMinutes = OBSOLETE_OFFSETS.get(match.group(8));
    } else if (match.group(9) != null) {
      offsetMinutes = 0;
    } else {
      int hhmm = Integer.parseInt(match.group(10));
      offsetMinutes = (hhmm / 100) * 60 + hhmm % 100;
    }
    return local.minus(offsetMinutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
  }
}

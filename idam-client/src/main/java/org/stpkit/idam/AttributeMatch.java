package org.stpkit.idam;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One test of an HR attribute in an access rule's {@code when}. Text comparisons ignore case and
 * surrounding spaces, because HR systems are not consistent about either.
 */
public record AttributeMatch(String attribute, Operator operator, List<String> values) {
  private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  public enum Operator {
    /** The value equals one of {@code values} (one value: plain equality). */
    EQUALS,
    /** The value starts with one of {@code values}. */
    STARTS_WITH,
    /** The value matches the regular expression in {@code values} (whole value, case-insensitive). */
    MATCHES,
    /** The attribute has a value ({@code values} empty). */
    PRESENT,
    /** The attribute has no value ({@code values} empty). */
    ABSENT
  }

  public AttributeMatch {
    values = List.copyOf(values);
    if (!StaffRecord.ATTRIBUTES.contains(attribute)) {
      throw new IllegalArgumentException("Unknown HR attribute '" + attribute + "'");
    }
    boolean needsValues = operator != Operator.PRESENT && operator != Operator.ABSENT;
    if (needsValues == values.isEmpty()) {
      throw new IllegalArgumentException(operator + " on " + attribute + (needsValues ? " needs a value" : " takes no value"));
    }
    if (operator == Operator.MATCHES) {
      if (values.size() != 1) {
        throw new IllegalArgumentException("MATCHES on " + attribute + " takes one pattern");
      }
      Pattern.compile(values.get(0)); // fails early on a bad pattern
    }
  }

  public static AttributeMatch equalTo(String attribute, String... anyOf) {
    return new AttributeMatch(attribute, Operator.EQUALS, List.of(anyOf));
  }

  public static AttributeMatch startsWith(String attribute, String... anyOf) {
    return new AttributeMatch(attribute, Operator.STARTS_WITH, List.of(anyOf));
  }

  public boolean test(StaffRecord record) {
    String value = record.attribute(attribute).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse(null);
    return switch (operator) {
      case PRESENT -> value != null;
      case ABSENT -> value == null;
      case EQUALS -> value != null && values.stream().anyMatch(v -> value.equals(normal(v)));
      case STARTS_WITH -> value != null && values.stream().anyMatch(v -> value.startsWith(normal(v)));
      case MATCHES -> value != null
          && compiled(values.get(0)).matcher(record.attribute(attribute).orElseThrow().strip()).matches();
    };
  }

  /** Each pattern compiled once: a rule is tested against every person in the feed. */
  private static Pattern compiled(String pattern) {
    return PATTERNS.computeIfAbsent(pattern, p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  private static String normal(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}

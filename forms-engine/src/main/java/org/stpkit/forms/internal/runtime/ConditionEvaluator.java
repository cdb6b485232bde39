package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.stpkit.forms.Condition;

/**
 * Decides conditions over typed answers. A comparison with a question that has no answer (not asked
 * on this route, or optional and left blank) is false, whatever the operator, except through
 * {@code not}. A repeating section's name compares as its number of items; a question asked in
 * its items, used outside them, holds when it holds for any item.
 */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static boolean holds(Condition condition, Map<String, Object> answers) {
    if (condition instanceof Condition.All all) {
      return all.conditions().stream().allMatch(part -> holds(part, answers));
    }
    if (condition instanceof Condition.Any any) {
      return any.conditions().stream().anyMatch(part -> holds(part, answers));
    }
    if (condition instanceof Condition.Not not) {
      return !holds(not.condition(), answers);
    }
    if (condition instanceof Condition.Named named) {
      return holds(named.condition(), answers);
    }
    Condition.Comparison comparison = (Condition.Comparison) condition;
    Object given = answers.get(comparison.question());
    if (given == null) {
      return holdsForAnyItem(comparison, answers);
    }
    // A repeating section's answer compares as its number of items.
    Object answer = isItems(given) ? BigDecimal.valueOf(((List<?>) given).size()) : given;
    List<String> values = comparison.values();
    switch (comparison.operator()) {
      case ANSWERED:
        return true;
      case EQUALS:
        return same(answer, values.get(0));
      case NOT_EQUALS:
        return !same(answer, values.get(0));
      case ONE_OF:
        return values.stream().anyMatch(value -> same(answer, value));
      case CONTAINS:
        return answer instanceof List<?> chosen && chosen.contains(values.get(0));
      case GREATER_THAN:
        return answer instanceof BigDecimal number && number.compareTo(new BigDecimal(values.get(0))) > 0;
      case LESS_THAN:
        return answer instanceof BigDecimal number && number.compareTo(new BigDecimal(values.get(0))) < 0;
      case BEFORE:
        return answer instanceof LocalDate date && date.isBefore(LocalDate.parse(values.get(0)));
      case AFTER:
        return answer instanceof LocalDate date && date.isAfter(LocalDate.parse(values.get(0)));
      default:
        throw new IllegalStateException("unknown operator " + comparison.operator());
    }
  }

  /** A question asked in a repeating section, used outside it: true when it holds for any item. */
  @SuppressWarnings("unchecked")
  private static boolean holdsForAnyItem(Condition.Comparison comparison, Map<String, Object> answers) {
    for (Object value : answers.values()) {
      if (isItems(value)) {
        for (Object item : (List<?>) value) {
          Map<String, Object> itemAnswers = (Map<String, Object>) item;
          if (itemAnswers.containsKey(comparison.question()) && holds(comparison, itemAnswers)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The answer of a repeating section: a list of the items' answers (checkboxes answers are lists of text). */
  static boolean isItems(Object answer) {
    return answer instanceof List<?> list && (list.isEmpty() || list.get(0) instanceof Map);
  }

  /** An answer compared with a value written in the definition. */
  private static boolean same(Object answer, String value) {
    if (answer instanceof Boolean yes) {
      return value.equals(yes ? "yes" : "no") || value.equals(yes.toString());
    }
    if (answer instanceof BigDecimal number) {
      try {
        return number.compareTo(new BigDecimal(value)) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (answer instanceof LocalDate date) {
      return date.toString().equals(value);
    }
    return answer.toString().equals(value);
  }
}

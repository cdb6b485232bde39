package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.stpkit.forms.Condition;

/**
 * Decides conditions over typed answers. A comparison with a question that has no answer (not asked
 * on this route, or optional and left blank) is false, whatever the operator, except through
 * {@code not}.
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
    Object answer = answers.get(comparison.question());
    if (answer == null) {
      return false;
    }
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

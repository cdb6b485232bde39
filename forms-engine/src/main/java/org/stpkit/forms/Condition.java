package org.stpkit.forms;

import java.util.List;
import java.util.Objects;

/** A condition over answers: comparisons combined with all (AND), any (OR) and not. */
public sealed interface Condition {
  /** True when every condition holds. */
  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }
  }

  /** True when at least one condition holds. */
  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
    }
  }

  /** True when the condition does not hold. */
  record Not(Condition condition) implements Condition {
    public Not {
      Objects.requireNonNull(condition, "condition");
    }
  }

  /** A condition declared by name in the definition's {@code conditions}. */
  record Named(String name, Condition condition) implements Condition {
    public Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(condition, "condition");
    }
  }

  /**
   * A comparison of one question's answer with values given in the definition.
   *
   * @param values one value for most operators, several for {@link Operator#ONE_OF}, none for
   *     {@link Operator#ANSWERED}
   */
  record Comparison(String question, Operator operator, List<String> values) implements Condition {
    public Comparison {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }
  }

  /** The comparisons, by the names definitions use. */
  enum Operator {
    EQUALS("equals"),
    NOT_EQUALS("notEquals"),
    ONE_OF("oneOf"),
    CONTAINS("contains"),
    GREATER_THAN("greaterThan"),
    LESS_THAN("lessThan"),
    BEFORE("before"),
    AFTER("after"),
    ANSWERED("answered");

    private final String definitionName;

    Operator(String definitionName) {
      this.definitionName = definitionName;
    }

    public String definitionName() {
      return definitionName;
    }
  }
}

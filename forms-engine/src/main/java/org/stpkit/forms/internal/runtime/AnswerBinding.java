package org.stpkit.forms.internal.runtime;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.stpkit.forms.Address;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormsException;
import org.stpkit.forms.PersonName;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;

/**
 * Answers bound to a team's record, by component name = question name, and checked with Jakarta
 * Validation: each answer against its component's constraints when its page is posted, and the
 * whole record (class-level constraints too) before sending. A component may be the answer's own
 * type, {@code Optional} of it (for questions not always on the route), or for numbers {@code int},
 * {@code long}, {@code Integer} or {@code Long}.
 */
final class AnswerBinding<R extends Record> {
  private static final ValidatorFactory VALIDATORS = Validation.byDefaultProvider().configure()
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory();

  private final Class<R> type;
  private final RecordComponent[] components;
  private final Constructor<R> constructor;
  private final Validator validator = VALIDATORS.getValidator();

  /** A violation: the question it is about (empty for a class-level one) and its message. */
  record Violation(Optional<String> question, String message) {}

  /** @throws FormsException naming every component that does not fit the form's questions */
  AnswerBinding(Class<R> type, FormDefinition form) {
    this.type = type;
    this.components = type.getRecordComponents();
    List<String> problems = new ArrayList<>();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      Optional<Question> question = form.question(component.getName());
      if (question.isEmpty()) {
        problems.add(component.getName() + ": the form has no question of that name");
        continue;
      }
      Class<?> valueType = valueType(component);
      if (!fits(question.get().type(), valueType)) {
        problems.add(component.getName() + ": a " + question.get().type().definitionName() + " answer cannot be a "
            + valueType.getSimpleName());
      }
    }
    if (!problems.isEmpty()) {
      throw new FormsException("Cannot bind the answers of form '" + form.id() + "' to " + type.getName() + ": "
          + String.join("; ", problems));
    }
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new FormsException("Cannot find the canonical constructor of " + type.getName(), e);
    }
  }

  /** The record made from the answers on the route; missing answers become empty or null. */
  public R bind(Map<String, Object> answers) {
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = convert(components[i], answers.get(components[i].getName()));
    }
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new FormsException("The constructor of " + type.getName() + " refused the answers: "
          + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new FormsException("Cannot make a " + type.getName(), e);
    }
  }

  /** Checks one answer against its component's constraints; no messages when it has no component. */
  List<String> check(String question, Optional<Object> value) {
    for (RecordComponent component : components) {
      if (component.getName().equals(question)) {
        Object converted;
        try {
          converted = convert(component, value.orElse(null));
        } catch (ArithmeticException e) {
          return List.of("Enter a smaller number");
        }
        List<String> messages = new ArrayList<>();
        for (ConstraintViolation<R> violation : validator.validateValue(type, question, converted)) {
          messages.add(violation.getMessage());
        }
        messages.sort(String::compareTo);
        return messages;
      }
    }
    return List.of();
  }

  /** Checks the whole record, class-level constraints included. */
  List<Violation> checkAll(Map<String, Object> answers) {
    Map<String, Violation> byPath = new LinkedHashMap<>();
    for (ConstraintViolation<R> violation : validator.validate(bind(answers))) {
      String path = violation.getPropertyPath().toString();
      String question = path.isEmpty() ? "" : path.split("[.\\[]")[0];
      byPath.putIfAbsent(path + violation.getMessage(), new Violation(
          question.isEmpty() ? Optional.empty() : Optional.of(question), violation.getMessage()));
    }
    return new ArrayList<>(byPath.values());
  }

  private static Class<?> valueType(RecordComponent component) {
    if (component.getType() == Optional.class) {
      Type generic = component.getGenericType();
      if (generic instanceof ParameterizedType parameterized
          && parameterized.getActualTypeArguments()[0] instanceof Class<?> inner) {
        return inner;
      }
      return Object.class;
    }
    return component.getType();
  }

  private static boolean fits(QuestionType questionType, Class<?> valueType) {
    switch (questionType) {
      case NUMBER:
      case MONEY:
        return valueType == BigDecimal.class || valueType == int.class || valueType == Integer.class
            || valueType == long.class || valueType == Long.class;
      case DATE:
        return valueType == LocalDate.class;
      case YES_NO:
        return valueType == Boolean.class || valueType == boolean.class;
      case CHECKBOXES:
      case FILE:
        return valueType == List.class;
      case ADDRESS:
        return valueType == Address.class;
      case NAME:
        return valueType == PersonName.class;
      default:
        return valueType == String.class;
    }
  }

  private static Object convert(RecordComponent component, Object answer) {
    Class<?> target = valueType(component);
    Object value = answer;
    if (answer instanceof BigDecimal number && target != BigDecimal.class) {
      value = target == int.class || target == Integer.class ? (Object) number.intValueExact() : (Object) number.longValueExact();
    }
    if (component.getType() == Optional.class) {
      return Optional.ofNullable(value);
    }
    if (value == null && component.getType().isPrimitive()) {
      return component.getType() == boolean.class ? Boolean.FALSE
          : component.getType() == int.class ? (Object) 0 : (Object) 0L;
    }
    return value;
  }
}

package org.stpkit.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case's data as JSON-like values ({@code Map}, {@code List}, strings, numbers...), read by
 * dotted paths such as {@code applicant.email} or {@code applicant.addressLines[0]}.
 */
public final class CaseData {
  private final Map<String, ?> values;

  private CaseData(Map<String, ?> values) {
    this.values = values;
  }

  public static CaseData of(Map<String, ?> values) {
    return new CaseData(Map.copyOf(Objects.requireNonNull(values, "values")));
  }

  /** The value at a path; empty when any step is missing or not a map or list. */
  public Optional<Object> at(String path) {
    Object current = values;
    for (String step : path.split("\\.")) {
      String name = step;
      Integer index = null;
      int bracket = step.indexOf('[');
      if (bracket >= 0 && step.endsWith("]")) {
        name = step.substring(0, bracket);
        try {
          index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      if (!(current instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      current = map.get(name);
      if (index != null) {
        if (!(current instanceof List<?> list) || index < 0 || index >= list.size()) {
          return Optional.empty();
        }
        current = list.get(index);
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  public Map<String, ?> asMap() {
    return values;
  }
}

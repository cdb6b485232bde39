package org.stpkit.idam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parts of a Keycloak user the tool owns: names, email and its own attributes (the policy's
 * HR attributes and {@link ManagedUsers#TOOL_ATTRIBUTES}). An attribute with no values is absent.
 */
public record UserFields(String firstName, String lastName, String email, Map<String, List<String>> attributes) {
  public UserFields {
    attributes = withoutEmpty(attributes);
  }

  /** An unmodifiable copy by name, without the attributes that have no values (Keycloak's "absent"). */
  static Map<String, List<String>> withoutEmpty(Map<String, List<String>> attributes) {
    Map<String, List<String>> copy = new TreeMap<>();
    attributes.forEach((name, values) -> {
      if (!values.isEmpty()) {
        copy.put(name, List.copyOf(values));
      }
    });
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** What differs from {@code other}, as field names: names and email first, then attributes by name. */
  public List<String> differences(UserFields other) {
    List<String> names = new ArrayList<>();
    if (!firstName.equals(other.firstName)) {
      names.add("firstName");
    }
    if (!lastName.equals(other.lastName)) {
      names.add("lastName");
    }
    if (!email.equals(other.email)) {
      names.add("email");
    }
    TreeSet<String> keys = new TreeSet<>(attributes.keySet());
    keys.addAll(other.attributes.keySet());
    for (String key : keys) {
      if (!Objects.equals(attributes.get(key), other.attributes.get(key))) {
        names.add(key);
      }
    }
    return names;
  }
}

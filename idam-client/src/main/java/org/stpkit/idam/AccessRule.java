package org.stpkit.idam;

import java.util.List;

/**
 * A birthright rule: everyone whose HR attributes pass every test in {@code when} (everyone, when
 * there are none) gets {@code grants}. A person's access is the union over the rules they pass.
 */
public record AccessRule(String name, List<AttributeMatch> when, Grants grants) {
  public AccessRule {
    when = List.copyOf(when);
    if (name.isBlank()) {
      throw new IllegalArgumentException("An access rule needs a name");
    }
  }

  public boolean appliesTo(StaffRecord record) {
    return when.stream().allMatch(match -> match.test(record));
  }
}

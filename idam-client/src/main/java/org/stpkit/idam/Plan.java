package org.stpkit.idam;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run would change, user by user, computed by {@link Planner} from the feed, the policy and
 * Keycloak's state, with the {@link Notice}s it will not act on, the thresholds it crosses, and the
 * {@link PlanBasis} it was made from. An empty plan means Keycloak already holds what the feed and
 * policy say.
 */
public record Plan(LocalDate day, List<UserPlan> users, List<Notice> notices, List<ThresholdBreach> breaches,
    PlanBasis basis) {
  public Plan {
    users = List.copyOf(users);
    notices = List.copyOf(notices);
    breaches = List.copyOf(breaches);
    java.util.Objects.requireNonNull(basis, "basis");
  }

  /**
   * A SHA-256 digest of everything the plan says (its steps, notices, breaches and basis): what an
   * approval signs, and what {@code apply --plan} checks the plan it would make now against.
   */
  public String digest() {
    return org.stpkit.idam.internal.PlanFormat.digest(this);
  }

  public boolean isEmpty() {
    return users.isEmpty();
  }

  /** How many people of each kind the plan changes. */
  public Map<UserPlan.Kind, Integer> counts() {
    Map<UserPlan.Kind, Integer> counts = new EnumMap<>(UserPlan.Kind.class);
    for (UserPlan user : users) {
      counts.merge(user.kind(), 1, Integer::sum);
    }
    return counts;
  }

  /** Every step of every user. */
  public int changeCount() {
    return users.stream().mapToInt(u -> u.changes().size()).sum();
  }

  public String toJson() {
    return org.stpkit.idam.internal.PlanFormat.json(this);
  }

  /** The plan as a readable table: one row per step, then the counts, notices and breaches. */
  public String toTable() {
    return org.stpkit.idam.internal.PlanFormat.table(this);
  }
}

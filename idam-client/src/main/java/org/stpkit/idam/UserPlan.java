package org.stpkit.idam;

import java.util.List;
import java.util.Optional;

/** The steps for one person, applied in order; the user id is empty for a joiner not yet created. */
public record UserPlan(String employeeNumber, String username, Optional<String> userId, Kind kind, List<Change> changes) {
  public enum Kind {
    /** Starts today or earlier, and has no account yet. */
    JOINER,
    /** Starts later: created disabled, with access, ready for day one. */
    PRE_HIRE,
    /** A pre-hire whose start date has come: enabled. */
    STARTER,
    /** Access changes because HR attributes changed. */
    MOVER,
    /** Only names, email or HR attributes change. */
    UPDATE,
    /** Ended, inactive, or gone from the feed: disabled, signed out, access removed. */
    LEAVER,
    /** A leaver back in the feed: enabled with the access the rules give. */
    REHIRE,
    /** A leaver past the retention period. */
    DELETE
  }

  public UserPlan {
    changes = List.copyOf(changes);
  }

  public long count(Class<? extends Change> type) {
    return changes.stream().filter(type::isInstance).count();
  }
}

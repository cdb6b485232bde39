package org.stpkit.idam;

import java.util.List;
import java.util.Map;

/**
 * One step of a {@link UserPlan}, applied in order. Each step is safe to apply again, so a run
 * stopped half-way converges on the next.
 */
public sealed interface Change {
  /** A short name for tables and the audit log: {@code create}, {@code add-grant}, ... */
  String type();

  /** What the step does, in words. */
  String describe();

  /**
   * A new account, with the HR and tool attributes, the joiner's required actions and their
   * groups (by path; roles follow as {@link AddGrant}s).
   */
  record CreateUser(String username, String firstName, String lastName, String email, boolean enabled,
      Map<String, List<String>> attributes, List<String> requiredActions, List<String> groups) implements Change {
    public CreateUser {
      attributes = Map.copyOf(attributes);
      requiredActions = List.copyOf(requiredActions);
      groups = List.copyOf(groups);
    }

    @Override
    public String type() {
      return "create";
    }

    @Override
    public String describe() {
      return "create " + (enabled ? "enabled" : "disabled") + " account " + username
          + (groups.isEmpty() ? "" : " in " + String.join(", ", groups))
          + (requiredActions.isEmpty() ? "" : ", required actions " + String.join(", ", requiredActions));
    }
  }

  /**
   * New values for the user's names, email and the attributes the tool owns; attributes the
   * tool does not own are kept as they are.
   */
  record UpdateUser(UserFields before, UserFields after) implements Change {
    @Override
    public String type() {
      return "update";
    }

    @Override
    public String describe() {
      List<String> differences = before.differences(after);
      if (differences.equals(List.of(ManagedUsers.ACTIONS_EMAIL)) && !after.attributes().containsKey(ManagedUsers.ACTIONS_EMAIL)) {
        return "record the actions email as sent";
      }
      return "update " + String.join(", ", differences);
    }
  }

  record AddGrant(Grant grant) implements Change {
    @Override
    public String type() {
      return "add-grant";
    }

    @Override
    public String describe() {
      return "add " + grant.key();
    }
  }

  record RemoveGrant(Grant grant) implements Change {
    @Override
    public String type() {
      return "remove-grant";
    }

    @Override
    public String describe() {
      return "remove " + grant.key();
    }
  }

  record Enable() implements Change {
    @Override
    public String type() {
      return "enable";
    }

    @Override
    public String describe() {
      return "enable account";
    }
  }

  record Disable() implements Change {
    @Override
    public String type() {
      return "disable";
    }

    @Override
    public String describe() {
      return "disable account";
    }
  }

  /** Ends every session and revokes offline tokens and consents: disabling alone does neither. */
  record EndSessions() implements Change {
    @Override
    public String type() {
      return "end-sessions";
    }

    @Override
    public String describe() {
      return "end sessions, revoke offline tokens";
    }
  }

  /** Emails the user a link to do their required actions. */
  record SendActionsEmail(List<String> actions) implements Change {
    public SendActionsEmail {
      actions = List.copyOf(actions);
    }

    @Override
    public String type() {
      return "send-actions-email";
    }

    @Override
    public String describe() {
      return "email required actions " + String.join(", ", actions);
    }
  }

  record DeleteUser() implements Change {
    @Override
    public String type() {
      return "delete";
    }

    @Override
    public String describe() {
      return "delete account";
    }
  }
}

package org.stpkit.idam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keycloak's users reduced to what the planner reads, changed by {@link Change}s the way
 * {@code KeycloakDirectory} changes Keycloak: for planner tests of idempotence and of runs stopped
 * half-way. Also holds users the tool does not manage, to show they are never touched.
 */
final class InMemoryRealm {
  private final Map<String, ManagedUser> users = new LinkedHashMap<>();
  private final Map<String, Integer> endedSessions = new HashMap<>();
  private final Set<String> unmanaged = new HashSet<>();
  private final List<String> emailed = new ArrayList<>();
  private boolean emailFails;
  private int nextId = 1;

  /** Whether sending an actions email fails, as it does in a realm with no SMTP server. */
  void emailFails(boolean fails) {
    this.emailFails = fails;
  }

  /** The usernames sent an actions email, in order. */
  List<String> emailed() {
    return List.copyOf(emailed);
  }

  /** Adds a user as it is, managed or not. */
  String put(ManagedUser user) {
    users.put(user.id(), user);
    if (!user.attribute(ManagedUsers.MANAGED_BY).isPresent()) {
      unmanaged.add(user.id());
    }
    return user.id();
  }

  /** What the directory would give the planner: only the users carrying the policy's marker. */
  List<ManagedUser> managedUsers(AccessPolicy policy) {
    return users.values().stream()
        .filter(u -> u.attribute(ManagedUsers.MANAGED_BY).filter(policy.managedBy()::equals).isPresent())
        .toList();
  }

  /** Deletes a user, as an administrator might outside the tool. */
  void remove(String username) {
    users.remove(user(username).id());
  }

  Optional<ManagedUser> byUsername(String username) {
    return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
  }

  ManagedUser user(String username) {
    return byUsername(username).orElseThrow(() -> new AssertionError("no user " + username));
  }

  int endedSessions(String username) {
    return endedSessions.getOrDefault(user(username).id(), 0);
  }

  Map<String, ManagedUser> snapshot() {
    return new LinkedHashMap<>(users);
  }

  /** Applies every step of the plan. */
  void apply(Plan plan) {
    for (UserPlan user : plan.users()) {
      apply(user, user.changes().size());
    }
  }

  /** Applies the plan as the reconciler does: a failed step stops that person only. Returns the failures. */
  List<String> applyStoppingAtFailures(Plan plan) {
    List<String> failures = new ArrayList<>();
    for (UserPlan user : plan.users()) {
      try {
        apply(user, user.changes().size());
      } catch (IllegalStateException e) {
        failures.add(user.username() + ": " + e.getMessage());
      }
    }
    return failures;
  }

  /** Applies the first {@code steps} steps of one person's plan, as a run killed after them would. */
  void apply(UserPlan plan, int steps) {
    String id = plan.userId().orElse(null);
    for (Change change : plan.changes().subList(0, steps)) {
      id = apply(id, change);
    }
  }

  private String apply(String id, Change change) {
    if (change instanceof Change.CreateUser create) {
      if (byUsername(create.username()).isPresent()) {
        throw new IllegalStateException("409: username taken " + create.username());
      }
      String newId = "u" + nextId++;
      users.put(newId, new ManagedUser(newId, create.username(), create.enabled(), create.firstName(),
          create.lastName(), create.email(), create.attributes(),
          Grants.of(create.groups().stream().map(Grant::group).toList())));
      return newId;
    }
    if (unmanaged.contains(id)) {
      throw new AssertionError("changed a user the tool does not manage: " + change);
    }
    ManagedUser user = users.get(id);
    if (user == null) {
      throw new IllegalStateException("404: no user " + id);
    }
    if (change instanceof Change.UpdateUser update) {
      Map<String, List<String>> attributes = new HashMap<>(user.attributes());
      Set<String> owned = new TreeSet<>(update.before().attributes().keySet());
      owned.addAll(update.after().attributes().keySet());
      owned.addAll(ManagedUsers.TOOL_ATTRIBUTES);
      for (String name : owned) {
        List<String> values = update.after().attributes().get(name);
        if (values == null) {
          attributes.remove(name);
        } else {
          attributes.put(name, values);
        }
      }
      users.put(id, new ManagedUser(id, user.username(), user.enabled(), update.after().firstName(),
          update.after().lastName(), update.after().email(), attributes, user.grants()));
    } else if (change instanceof Change.AddGrant add) {
      users.put(id, withGrants(user, user.grants().plus(Grants.of(add.grant()))));
    } else if (change instanceof Change.RemoveGrant remove) {
      users.put(id, withGrants(user, user.grants().minus(Grants.of(remove.grant()))));
    } else if (change instanceof Change.Enable || change instanceof Change.Disable) {
      users.put(id, new ManagedUser(id, user.username(), change instanceof Change.Enable, user.firstName(),
          user.lastName(), user.email(), user.attributes(), user.grants()));
    } else if (change instanceof Change.EndSessions) {
      endedSessions.merge(id, 1, Integer::sum);
    } else if (change instanceof Change.DeleteUser) {
      users.remove(id);
    } else if (change instanceof Change.SendActionsEmail) {
      if (emailFails) {
        throw new IllegalStateException("500: Failed to send execute actions email");
      }
      emailed.add(user.username());
    } else {
      throw new AssertionError("unknown change " + change);
    }
    return id;
  }

  private static ManagedUser withGrants(ManagedUser user, Grants grants) {
    return new ManagedUser(user.id(), user.username(), user.enabled(), user.firstName(), user.lastName(),
        user.email(), user.attributes(), grants);
  }

  /** A user someone made by hand in the admin console. */
  static ManagedUser handMade(String id, String username, Map<String, List<String>> attributes, Grant... grants) {
    return new ManagedUser(id, username, true, "Hand", "Made", username + "@example.gov.uk", attributes,
        Grants.of(grants));
  }

  static List<String> list(String... values) {
    return new ArrayList<>(List.of(values));
  }
}

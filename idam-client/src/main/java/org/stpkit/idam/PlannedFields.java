package org.stpkit.idam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The names, email and attributes the {@link Planner} wants a user to have, and has now. */
final class PlannedFields {
  private final AccessPolicy policy;

  PlannedFields(AccessPolicy policy) {
    this.policy = policy;
  }

  /** {@code fields} with or without the record that the actions email is owed. */
  static UserFields owing(UserFields fields, boolean owed) {
    Map<String, List<String>> attributes = new HashMap<>(fields.attributes());
    if (owed) {
      attributes.put(ManagedUsers.ACTIONS_EMAIL, List.of(ManagedUsers.OWED));
    } else {
      attributes.remove(ManagedUsers.ACTIONS_EMAIL);
    }
    return new UserFields(fields.firstName(), fields.lastName(), fields.email(), attributes);
  }

  /** The fields the tool owns, as Keycloak holds them now. */
  UserFields of(ManagedUser user) {
    Map<String, List<String>> owned = new HashMap<>();
    for (String name : ownedAttributes()) {
      List<String> values = user.attributes().getOrDefault(name, List.of());
      owned.put(name, name.equals(ManagedUsers.GRANTED) ? values.stream().sorted().toList() : values);
    }
    return new UserFields(user.firstName(), user.lastName(), user.email(), owned);
  }

  /**
   * The fields the tool wants: from the record when there is one (a leaver missing from the feed
   * keeps the names and HR attributes it had), with the tool's own attributes.
   */
  UserFields desired(@Nullable StaffRecord record, @Nullable ManagedUser user, UserStatus status, Grants granted,
      Optional<LocalDate> leftOn) {
    Map<String, List<String>> attributes = new HashMap<>();
    String firstName;
    String lastName;
    String email;
    if (record != null) {
      firstName = record.givenName();
      lastName = record.familyName();
      email = policy.emailFor(record).orElse(user == null ? "" : user.email());
      for (String name : policy.attributes()) {
        record.attribute(name).ifPresent(value -> attributes.put(name, List.of(value)));
      }
    } else {
      ManagedUser existing = java.util.Objects.requireNonNull(user);
      firstName = existing.firstName();
      lastName = existing.lastName();
      email = existing.email();
      for (String name : policy.attributes()) {
        attributes.put(name, existing.attributes().getOrDefault(name, List.of()));
      }
    }
    attributes.put(ManagedUsers.MANAGED_BY, List.of(policy.managedBy()));
    attributes.put(ManagedUsers.STATUS, List.of(status.attributeValue()));
    attributes.put(ManagedUsers.GRANTED, List.copyOf(granted.keys()));
    leftOn.ifPresent(date -> attributes.put(ManagedUsers.LEFT_ON, List.of(date.toString())));
    return new UserFields(firstName, lastName, email, attributes);
  }

  private List<String> ownedAttributes() {
    List<String> names = new ArrayList<>(policy.attributes());
    names.addAll(ManagedUsers.TOOL_ATTRIBUTES);
    return names;
  }
}

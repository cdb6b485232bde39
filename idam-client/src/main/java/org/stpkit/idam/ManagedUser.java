package org.stpkit.idam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Keycloak user as the planner sees it: the account, its attributes and the groups and roles it
 * actually has ({@code grants}: groups by path, direct realm and client role mappings, without the
 * realm's default roles).
 */
public record ManagedUser(
    String id,
    String username,
    boolean enabled,
    String firstName,
    String lastName,
    String email,
    Map<String, List<String>> attributes,
    Grants grants) {

  public ManagedUser {
    attributes = UserFields.withoutEmpty(attributes);
  }

  /** The first value of an attribute. */
  public Optional<String> attribute(String name) {
    List<String> values = attributes.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<String> employeeNumber() {
    return attribute(ManagedUsers.EMPLOYEE_NUMBER);
  }

  /** The grants the tool recorded giving this user ({@link ManagedUsers#GRANTED}). */
  public Grants recordedGrants() {
    return Grants.fromKeys(attributes.getOrDefault(ManagedUsers.GRANTED, List.of()));
  }

  /** The tool's view of where the user is ({@link ManagedUsers#STATUS}); empty if never set, or set to a value the tool never writes. */
  public Optional<UserStatus> status() {
    return attribute(ManagedUsers.STATUS).flatMap(UserStatus::fromAttribute);
  }

  /** The day the tool disabled the user as a leaver, if it did and the date is readable. */
  public Optional<LocalDate> leftOn() {
    try {
      return attribute(ManagedUsers.LEFT_ON).map(LocalDate::parse);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}

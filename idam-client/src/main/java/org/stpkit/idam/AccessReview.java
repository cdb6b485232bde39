package org.stpkit.idam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evidence for an access review: every managed person, each group and role they hold and the rule
 * that justifies it, with access granted by hand, accounts disabled by hand and leavers awaiting
 * deletion flagged, and a summary by department and rule. A pure function of the policy, the
 * managed users as Keycloak holds them, and the day; rules are judged on the HR attributes Keycloak
 * holds for each person.
 */
public final class AccessReview {
  /** Why a person holds a grant. */
  public enum Basis {
    /** Given by the tool, and a rule still gives it. */
    RULE,
    /** Given outside the tool: never removed by it, for a person to review. */
    HAND_GRANTED,
    /** Given by the tool, but no rule gives it now (the next run takes it away). */
    NO_LONGER_JUSTIFIED
  }

  /** What needs a reviewer's eye about a person. */
  public enum Flag { HAND_GRANTED_ACCESS, DISABLED_BY_HAND, AWAITING_DELETION }

  /** One grant a person holds, with the rules that give it (empty unless {@link Basis#RULE}). */
  public record Access(Grant grant, Basis basis, List<String> rules) {
    public Access {
      rules = List.copyOf(rules);
    }
  }

  /** One managed person as the review shows them. */
  public record Person(String employeeNumber, String username, String name, String department,
      Optional<UserStatus> status, boolean enabled, List<Access> access, List<Flag> flags, Optional<LocalDate> deleteOn) {
    public Person {
      access = List.copyOf(access);
      flags = List.copyOf(flags);
    }
  }

  private final LocalDate day;
  private final List<Person> people;

  private AccessReview(LocalDate day, List<Person> people) {
    this.day = day;
    this.people = List.copyOf(people);
  }

  public static AccessReview of(AccessPolicy policy, List<ManagedUser> users, LocalDate day) {
    Objects.requireNonNull(policy, "policy");
    List<Person> people = new ArrayList<>();
    for (ManagedUser user : users) {
      people.add(person(policy, user, day));
    }
    people.sort(Comparator.comparing(Person::employeeNumber).thenComparing(Person::username));
    return new AccessReview(day, people);
  }

  private static Person person(AccessPolicy policy, ManagedUser user, LocalDate day) {
    Optional<StaffRecord> record = recordOf(policy, user);
    Grants recorded = user.recordedGrants();
    List<Access> access = new ArrayList<>();
    for (Grant grant : user.grants().sorted()) {
      List<String> rules = record.map(r -> policy.rules().stream()
          .filter(rule -> rule.grants().all().contains(grant) && rule.appliesTo(r)).map(AccessRule::name).toList())
          .orElse(List.of());
      Basis basis = !recorded.all().contains(grant) ? Basis.HAND_GRANTED
          : rules.isEmpty() ? Basis.NO_LONGER_JUSTIFIED : Basis.RULE;
      access.add(new Access(grant, basis, basis == Basis.RULE ? rules : List.of()));
    }
    List<Flag> flags = new ArrayList<>();
    if (access.stream().anyMatch(a -> a.basis() == Basis.HAND_GRANTED)) {
      flags.add(Flag.HAND_GRANTED_ACCESS);
    }
    if (!user.enabled() && user.status().filter(UserStatus.ACTIVE::equals).isPresent()) {
      flags.add(Flag.DISABLED_BY_HAND);
    }
    Optional<LocalDate> deleteOn = Optional.empty();
    if (user.status().filter(UserStatus.LEAVER::equals).isPresent() && policy.deleteLeaversAfter().isPresent()) {
      deleteOn = policy.deleteLeaversAfter().map(retention -> user.leftOn().orElse(day).plus(retention));
      flags.add(Flag.AWAITING_DELETION);
    }
    String name = (user.firstName() + " " + user.lastName()).strip();
    return new Person(user.employeeNumber().orElse(""), user.username(), name,
        user.attribute("department").orElse(""), user.status(), user.enabled(), access, flags, deleteOn);
  }

  /** The person as the rules see them, from the HR attributes Keycloak holds; empty without an employee number. */
  private static Optional<StaffRecord> recordOf(AccessPolicy policy, ManagedUser user) {
    Optional<String> employeeNumber = user.employeeNumber();
    if (employeeNumber.isEmpty()) {
      return Optional.empty();
    }
    StaffRecord.Builder builder = StaffRecord.builder(employeeNumber.get()).givenName(user.firstName())
        .familyName(user.lastName()).userName(user.username());
    for (String name : policy.attributes()) {
      Optional<String> value = user.attribute(name);
      if (value.isPresent() && !name.equals("employeeNumber")) {
        try {
          builder.attribute(name, value.get());
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
          // A value edited by hand into something the feed could not hold: judged as absent.
        }
      }
    }
    return Optional.of(builder.build());
  }

  public LocalDate day() {
    return day;
  }

  public List<Person> people() {
    return people;
  }

  /** How many people in each department (blank: none given), by name. */
  public Map<String, Integer> peopleByDepartment() {
    Map<String, Integer> counts = new TreeMap<>();
    people.forEach(person -> counts.merge(person.department(), 1, Integer::sum));
    return counts;
  }

  /** How many people each rule gives access to, in the policy's order of names. */
  public Map<String, Integer> peopleByRule() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Person person : people) {
      person.access().stream().flatMap(access -> access.rules().stream()).distinct()
          .forEach(rule -> counts.merge(rule, 1, Integer::sum));
    }
    return counts;
  }

  /** How many people carry {@code flag}. */
  public long count(Flag flag) {
    return people.stream().filter(person -> person.flags().contains(flag)).count();
  }

  /**
   * The review as CSV: one row per person and grant (one row for a person with none), with the
   * basis, the rules and the person's flags.
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder(
        "employeeNumber,username,name,department,status,enabled,grant,basis,rules,flags,deleteOn\r\n");
    for (Person person : people) {
      List<Access> rows = person.access().isEmpty() ? java.util.Collections.singletonList(null) : person.access();
      for (Access access : rows) {
        csv.append(String.join(",", cell(person.employeeNumber()), cell(person.username()), cell(person.name()),
            cell(person.department()), cell(person.status().map(UserStatus::attributeValue).orElse("")),
            String.valueOf(person.enabled()), cell(access == null ? "" : access.grant().key()),
            cell(access == null ? "" : label(access.basis())),
            cell(access == null ? "" : String.join("; ", access.rules())),
            cell(String.join("; ", person.flags().stream().map(AccessReview::label).toList())),
            cell(person.deleteOn().map(LocalDate::toString).orElse("")))).append("\r\n");
      }
    }
    return csv.toString();
  }

  /** An enum constant as the report writes it: {@code HAND_GRANTED} as {@code hand-granted}. */
  public static String label(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** RFC 4180 quoting, and a leading quote on what a spreadsheet would run as a formula. */
  private static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}

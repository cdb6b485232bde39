package org.stpkit.idam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@link Plan}: a pure function of the HR feed, the access policy, the managed users
 * as Keycloak holds them, and the day. It reads nothing and changes nothing, so every rule of
 * joiners, movers and leavers is tested without Keycloak ({@code PlannerTest}).
 *
 * <p>Rules, in short:
 * <ul>
 *   <li>Users are matched on {@code employeeNumber}; only users carrying the policy's
 *       {@link ManagedUsers#MANAGED_BY} value are ever given to the planner.
 *   <li>A person's access is what the rules give them now. The tool records what it gave
 *       ({@link ManagedUsers#GRANTED}) and takes away only that: access granted by hand is kept
 *       and reported.
 *   <li>Steps are ordered so that a run stopped after any step is finished by the next run: a grant
 *       is recorded before it is added and forgotten only after it is removed.
 *   <li>The tool enables only accounts it disabled (pre-hires and leavers).
 *   <li>The actions email is owed from the moment it is due ({@link ManagedUsers#ACTIONS_EMAIL},
 *       written with the account or with its start) until Keycloak has sent it, so an email that
 *       failed (no SMTP server, say) is sent by a later run.
 * </ul>
 */
public final class Planner {
  /** Which managed users a plan covers. */
  public enum Scope {
    /** The feed is everyone: a managed user missing from it is a leaver. */
    WHOLE_FEED,
    /** The feed is only some people (an HR event): nobody else is touched. */
    ONLY_PEOPLE_IN_FEED,
    /**
     * An urgent leaver event: every managed user given leaves now, keeping the names and HR
     * attributes Keycloak holds (the feed is empty).
     */
    LEAVING_NOW
  }

  private final AccessPolicy policy;
  private final PlannedFields fields;
  private final LocalDate day;
  private final List<UserPlan> plans = new ArrayList<>();
  private final List<Notice> notices = new ArrayList<>();
  private final Set<String> takenUsernames = new HashSet<>();
  private int newLeavers;
  private int removals;

  private Planner(AccessPolicy policy, LocalDate day) {
    this.policy = policy;
    this.fields = new PlannedFields(policy);
    this.day = day;
  }

  /** The plan for a whole feed: joiners, movers, leavers (including everyone missing from the feed). */
  public static Plan plan(HrFeed feed, AccessPolicy policy, List<ManagedUser> users, LocalDate day) {
    return plan(feed, policy, users, day, Scope.WHOLE_FEED);
  }

  public static Plan plan(HrFeed feed, AccessPolicy policy, List<ManagedUser> users, LocalDate day, Scope scope) {
    return new Planner(policy, day).run(feed, users, scope);
  }

  private Plan run(HrFeed feed, List<ManagedUser> users, Scope scope) {
    Set<String> duplicated = new HashSet<>();
    Map<String, ManagedUser> byEmployee = byEmployeeNumber(users, duplicated);
    Set<String> held = feed.heldEmployeeNumbers();
    for (String employeeNumber : held) {
      ManagedUser user = byEmployee.get(employeeNumber);
      notices.add(new Notice(Notice.Kind.HELD, employeeNumber, user == null ? "" : user.username(),
          "the feed's row for this person was left out: nothing is changed for them"));
    }

    Map<String, StaffRecord> inFeed = new LinkedHashMap<>();
    feed.records().stream().sorted(Comparator.comparing(StaffRecord::employeeNumber))
        .forEach(record -> inFeed.putIfAbsent(record.employeeNumber(), record));
    for (StaffRecord record : inFeed.values()) {
      if (held.contains(record.employeeNumber()) || duplicated.contains(record.employeeNumber())) {
        continue;
      }
      planPerson(record, byEmployee.get(record.employeeNumber()));
    }
    if (scope != Scope.ONLY_PEOPLE_IN_FEED) {
      byEmployee.values().stream()
          .filter(user -> !inFeed.containsKey(user.employeeNumber().orElseThrow()))
          .filter(user -> !held.contains(user.employeeNumber().orElseThrow()))
          .sorted(Comparator.comparing(ManagedUser::username))
          .forEach(user -> planLeaver(user, null));
    }
    return new Plan(day, plans, notices, breaches(byEmployee.values(), scope), PlanBasis.of(day, policy, feed, users));
  }

  /**
   * The managed users by employee number, reporting users without one; users sharing one are left
   * out and their numbers added to {@code duplicated}, since which is the person cannot be told.
   */
  private Map<String, ManagedUser> byEmployeeNumber(List<ManagedUser> users, Set<String> duplicated) {
    Map<String, ManagedUser> byEmployee = new HashMap<>();
    List<ManagedUser> sorted = new ArrayList<>(users);
    sorted.sort(Comparator.comparing(ManagedUser::username));
    for (ManagedUser user : sorted) {
      takenUsernames.add(user.username().toLowerCase(Locale.ROOT));
      Optional<String> employeeNumber = user.employeeNumber();
      if (employeeNumber.isEmpty()) {
        notices.add(new Notice(Notice.Kind.NO_EMPLOYEE_NUMBER, "", user.username(),
            "managed user has no " + ManagedUsers.EMPLOYEE_NUMBER + ": not changed"));
      } else if (byEmployee.putIfAbsent(employeeNumber.get(), user) != null) {
        duplicated.add(employeeNumber.get());
      }
    }
    for (String employeeNumber : duplicated) {
      ManagedUser first = byEmployee.remove(employeeNumber);
      notices.add(new Notice(Notice.Kind.DUPLICATE_EMPLOYEE_NUMBER, employeeNumber, first.username(),
          "two or more Keycloak users carry this employee number: none of them is changed"));
    }
    return byEmployee;
  }

  /** The thresholds the planned changes cross, as shares of the managed users they could affect. */
  private List<ThresholdBreach> breaches(java.util.Collection<ManagedUser> managed, Scope scope) {
    int population = 0;
    int grantPopulation = 0;
    for (ManagedUser user : managed) {
      if (!isLeaver(user)) {
        population++;
      }
      grantPopulation += user.recordedGrants().retain(user.grants()).all().size();
    }
    int deletions = (int) plans.stream().filter(p -> p.kind() == UserPlan.Kind.DELETE).count();
    List<ThresholdBreach> breaches = new ArrayList<>();
    // An event's percentages are of the people in the event, which says nothing about scale:
    // only the counts apply to it.
    boolean percentages = scope == Scope.WHOLE_FEED;
    check(breaches, "leavers", newLeavers, population, policy.leaverThreshold(), percentages);
    check(breaches, "deletions", deletions, managed.size(), policy.deletionThreshold(), percentages);
    check(breaches, "group and role removals", removals, grantPopulation, policy.removalThreshold(), percentages);
    return breaches;
  }

  private static void check(List<ThresholdBreach> breaches, String kind, int planned, int population,
      Threshold threshold, boolean percentages) {
    Threshold applied = percentages ? threshold : new Threshold(threshold.count(), 100);
    if (planned > 0 && applied.crossedBy(planned, population)) {
      breaches.add(new ThresholdBreach(kind, planned, population, applied));
    }
  }

  private void planPerson(StaffRecord record, @Nullable ManagedUser user) {
    boolean employed = record.employedOn(day);
    boolean preHire = record.preHireOn(day);
    if (!employed && !preHire) {
      if (user != null) {
        planLeaver(user, record);
      }
      return;
    }
    Grants wanted = policy.grantsFor(record);
    if (user == null) {
      planJoiner(record, employed, wanted);
      return;
    }

    boolean wasLeaver = isLeaver(user);
    UserStatus status = employed ? UserStatus.ACTIVE : UserStatus.PRE_HIRE;
    List<Change> changes = new ArrayList<>();
    boolean enabling = addAccountState(changes, record, user, employed, preHire);

    Grants present = user.grants();
    Grants owned = user.recordedGrants().retain(present);
    Grants toAdd = wanted.minus(present);
    Grants toRemove = owned.minus(wanted);
    reportHandGranted(user, record.employeeNumber(), present.minus(user.recordedGrants()).minus(wanted));

    // A pre-hire's start is due the email even when a run stopped between the enable and the
    // status that records it; a rehire is not (they set up their account the first time).
    boolean starting = employed && !wasLeaver && user.status().filter(UserStatus.PRE_HIRE::equals).isPresent();
    boolean owesEmail = sendsActionsEmail() && (starting || user.attribute(ManagedUsers.ACTIONS_EMAIL).isPresent());
    boolean sendEmailNow = owesEmail && employed && (user.enabled() || enabling);

    UserFields current = fields.of(user);
    UserFields recording = PlannedFields.owing(fields.desired(record, user, status, wanted.plus(owned), Optional.empty()), owesEmail);
    UserFields settled = PlannedFields.owing(fields.desired(record, user, status, wanted, Optional.empty()), owesEmail);
    addGrantSteps(changes, current, recording, settled, toAdd, toRemove);
    if (sendEmailNow) {
      addActionsEmail(changes, settled);
    }
    if (!changes.isEmpty()) {
      UserPlan.Kind kind = wasLeaver ? UserPlan.Kind.REHIRE
          : enabling ? UserPlan.Kind.STARTER
          : !toAdd.isEmpty() || !toRemove.isEmpty() ? UserPlan.Kind.MOVER
          : preHire && changes.get(0) instanceof Change.Disable ? UserPlan.Kind.PRE_HIRE
          : UserPlan.Kind.UPDATE;
      plans.add(new UserPlan(record.employeeNumber(), user.username(), Optional.of(user.id()), kind, changes));
    }
  }

  /**
   * The account's enable or disable, which comes first (see the class comment on why a status is
   * never written before the enable it describes); whether it enables.
   */
  private boolean addAccountState(List<Change> changes, StaffRecord record, ManagedUser user, boolean employed,
      boolean preHire) {
    if (employed && !user.enabled()) {
      if (isLeaver(user) || user.status().filter(UserStatus.PRE_HIRE::equals).isPresent()) {
        changes.add(new Change.Enable());
        return true;
      }
      notices.add(new Notice(Notice.Kind.DISABLED_BY_HAND, record.employeeNumber(), user.username(),
          "disabled outside the tool: left disabled"));
    } else if (preHire && user.enabled()) {
      changes.add(new Change.Disable());
    }
    return false;
  }

  private void planJoiner(StaffRecord record, boolean employed, Grants wanted) {
    if (!employed && policy.preHires() == AccessPolicy.PreHires.WAIT_UNTIL_START) {
      return;
    }
    Optional<String> username = policy.usernameFor(record);
    if (username.isEmpty()) {
      notices.add(new Notice(Notice.Kind.NO_USERNAME, record.employeeNumber(), "",
          "no username can be made from '" + policy.usernameTemplate() + "': the feed lacks an attribute it names"));
      return;
    }
    if (!takenUsernames.add(username.get())) {
      notices.add(new Notice(Notice.Kind.NO_USERNAME, record.employeeNumber(), username.get(),
          "username " + username.get() + " is taken by another user: give this person a userName in the feed"));
      return;
    }
    boolean sendEmail = employed && sendsActionsEmail();
    UserFields created = PlannedFields.owing(fields.desired(record, null,
        employed ? UserStatus.ACTIVE : UserStatus.PRE_HIRE, wanted, Optional.empty()), sendEmail);
    List<Change> changes = new ArrayList<>();
    List<String> groups = wanted.sorted().stream().filter(grant -> !grant.isRole()).map(Grant::name).toList();
    changes.add(new Change.CreateUser(username.get(), created.firstName(), created.lastName(), created.email(), employed,
        created.attributes(), policy.requiredActions(), groups));
    wanted.sorted().stream().filter(Grant::isRole).forEach(grant -> changes.add(new Change.AddGrant(grant)));
    if (sendEmail) {
      addActionsEmail(changes, created);
    }
    plans.add(new UserPlan(record.employeeNumber(), username.get(), Optional.empty(),
        employed ? UserPlan.Kind.JOINER : UserPlan.Kind.PRE_HIRE, changes));
  }

  /** A leaver: ended, inactive or missing from the feed ({@code record} null). */
  private void planLeaver(ManagedUser user, @Nullable StaffRecord record) {
    String employeeNumber = user.employeeNumber().orElseThrow();
    boolean alreadyLeft = isLeaver(user);
    LocalDate leftOn = user.leftOn().orElse(day);
    if (alreadyLeft && policy.deleteLeaversAfter().isPresent()
        && !day.isBefore(leftOn.plus(policy.deleteLeaversAfter().get()))) {
      plans.add(new UserPlan(employeeNumber, user.username(), Optional.of(user.id()), UserPlan.Kind.DELETE,
          List.of(new Change.DeleteUser())));
      return;
    }
    List<Change> changes = new ArrayList<>();
    if (user.enabled()) {
      changes.add(new Change.Disable());
    }
    if (user.enabled() || !alreadyLeft) {
      // Disabling stops new sign-ins only: sessions and offline tokens live on until ended.
      changes.add(new Change.EndSessions());
    }
    if (!alreadyLeft) {
      newLeavers++;
    }
    Grants present = user.grants();
    Grants owned = user.recordedGrants().retain(present);
    Grants toRemove = policy.leaversLoseAccess() ? owned : Grants.NONE;
    reportHandGranted(user, employeeNumber, present.minus(user.recordedGrants()));

    UserFields current = fields.of(user);
    UserFields recording = fields.desired(record, user, UserStatus.LEAVER, owned, Optional.of(leftOn));
    UserFields settled = fields.desired(record, user, UserStatus.LEAVER, owned.minus(toRemove), Optional.of(leftOn));
    addGrantSteps(changes, current, recording, settled, Grants.NONE, toRemove);
    if (!changes.isEmpty()) {
      plans.add(new UserPlan(employeeNumber, user.username(), Optional.of(user.id()), UserPlan.Kind.LEAVER, changes));
    }
  }

  /**
   * Records grants before adding them and forgets them only after removing them, so a run stopped
   * in between never leaves access the tool gave but no longer knows about.
   */
  private void addGrantSteps(List<Change> changes, UserFields current, UserFields recording, UserFields settled,
      Grants toAdd, Grants toRemove) {
    if (!recording.equals(current)) {
      changes.add(new Change.UpdateUser(current, recording));
    }
    toAdd.sorted().forEach(grant -> changes.add(new Change.AddGrant(grant)));
    toRemove.sorted().forEach(grant -> changes.add(new Change.RemoveGrant(grant)));
    removals += toRemove.all().size();
    if (!settled.equals(recording)) {
      changes.add(new Change.UpdateUser(recording, settled));
    }
  }

  private boolean sendsActionsEmail() {
    return policy.sendActionsEmail() && !policy.requiredActions().isEmpty();
  }

  /** The email, then the record that it is no longer owed (kept if the email fails, so it is sent again). */
  private void addActionsEmail(List<Change> changes, UserFields owing) {
    changes.add(new Change.SendActionsEmail(policy.requiredActions()));
    changes.add(new Change.UpdateUser(owing, PlannedFields.owing(owing, false)));
  }


  private void reportHandGranted(ManagedUser user, String employeeNumber, Grants handGranted) {
    handGranted.sorted().forEach(grant -> notices.add(new Notice(Notice.Kind.HAND_GRANTED, employeeNumber,
        user.username(), grant.key() + " was not given by the policy: kept")));
  }

  private static boolean isLeaver(ManagedUser user) {
    return user.status().filter(UserStatus.LEAVER::equals).isPresent();
  }



}

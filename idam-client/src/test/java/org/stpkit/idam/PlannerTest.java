package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.stpkit.idam.Change.AddGrant;
import org.stpkit.idam.Change.CreateUser;
import org.stpkit.idam.Change.DeleteUser;
import org.stpkit.idam.Change.Disable;
import org.stpkit.idam.Change.Enable;
import org.stpkit.idam.Change.EndSessions;
import org.stpkit.idam.Change.RemoveGrant;
import org.stpkit.idam.Change.SendActionsEmail;
import org.stpkit.idam.Change.UpdateUser;

/**
 * The planner, exhaustively and without Keycloak: each joiner, mover and leaver rule; that
 * applying a plan and planning again plans nothing; and that a run stopped after any step of any
 * person is finished by the next run with the same result.
 */
class PlannerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final Grant STAFF = Grant.group("/staff");
  private static final Grant VISAS = Grant.group("/caseworking/visas");
  private static final Grant ASYLUM = Grant.group("/caseworking/asylum");
  private static final Grant CASEWORKER = Grant.realmRole("caseworker");
  private static final Grant DECIDE = Grant.clientRole("case-service", "decide");

  private static AccessPolicy.Builder policyBuilder() {
    return AccessPolicy.builder()
        .managedBy("stp-idam")
        .usernameTemplate("{givenName}.{familyName}")
        .emailTemplate("{givenName}.{familyName}@example.gov.uk")
        .attributes(List.of("department", "title", "startDate", "endDate"))
        .requiredActions(List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP"))
        .sendActionsEmail(true)
        .deleteLeaversAfter(Period.ofDays(30))
        .rule(new AccessRule("everyone", List.of(), Grants.of(STAFF)))
        .rule(new AccessRule("visas caseworkers",
            List.of(AttributeMatch.equalTo("department", "Visas"), AttributeMatch.startsWith("title", "Caseworker")),
            Grants.of(VISAS, CASEWORKER)))
        .rule(new AccessRule("asylum", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(ASYLUM, CASEWORKER)))
        .rule(new AccessRule("deciders", List.of(AttributeMatch.startsWith("title", "Senior")), Grants.of(DECIDE)));
  }

  private static final AccessPolicy POLICY = policyBuilder().build();

  private static StaffRecord.Builder person(String employeeNumber, String given, String family) {
    return StaffRecord.builder(employeeNumber).givenName(given).familyName(family)
        .department("Visas").title("Caseworker").startDate(LocalDate.of(2020, 1, 6));
  }

  private static StaffRecord jo() {
    return person("E1", "Jo", "Bloggs").build();
  }

  private static HrFeed feed(StaffRecord... records) {
    return HrFeed.of("test", List.of(records));
  }

  private static Plan plan(InMemoryRealm realm, HrFeed feed, LocalDate day) {
    return plan(realm, feed, day, POLICY);
  }

  private static Plan plan(InMemoryRealm realm, HrFeed feed, LocalDate day, AccessPolicy policy) {
    return Planner.plan(feed, policy, realm.managedUsers(policy), day);
  }

  /** Plans and applies, then checks a second plan is empty: every scenario ends converged. */
  private static Plan applyAndConverge(InMemoryRealm realm, HrFeed feed, LocalDate day, AccessPolicy policy) {
    Plan plan = plan(realm, feed, day, policy);
    realm.apply(plan);
    Plan again = plan(realm, feed, day, policy);
    assertThat(again.users()).as("plan after apply").isEmpty();
    return plan;
  }

  private static Plan applyAndConverge(InMemoryRealm realm, HrFeed feed, LocalDate day) {
    return applyAndConverge(realm, feed, day, POLICY);
  }

  private static List<Class<?>> steps(UserPlan plan) {
    List<Class<?>> steps = new ArrayList<>();
    plan.changes().forEach(change -> steps.add(change.getClass()));
    return steps;
  }

  private static UserPlan only(Plan plan) {
    assertThat(plan.users()).hasSize(1);
    return plan.users().get(0);
  }

  @Test
  void aJoinerIsCreatedEnabledWithTheirAccessAndAskedToSetUp() {
    InMemoryRealm realm = new InMemoryRealm();
    Plan plan = applyAndConverge(realm, feed(jo()), TODAY);

    UserPlan joiner = only(plan);
    assertThat(joiner.kind()).isEqualTo(UserPlan.Kind.JOINER);
    assertThat(joiner.username()).isEqualTo("jo.bloggs");
    assertThat(steps(joiner)).containsExactly(CreateUser.class, AddGrant.class, SendActionsEmail.class, UpdateUser.class);
    CreateUser create = (CreateUser) joiner.changes().get(0);
    assertThat(create.groups()).as("groups go in the create").containsExactly("/caseworking/visas", "/staff");
    assertThat(((AddGrant) joiner.changes().get(1)).grant()).isEqualTo(CASEWORKER);
    assertThat(create.enabled()).isTrue();
    assertThat(create.email()).isEqualTo("jo.bloggs@example.gov.uk");
    assertThat(create.requiredActions()).containsExactly("UPDATE_PASSWORD", "CONFIGURE_TOTP");
    assertThat(create.attributes()).containsEntry("employeeNumber", List.of("E1"))
        .containsEntry("department", List.of("Visas"))
        .containsEntry(ManagedUsers.MANAGED_BY, List.of("stp-idam"))
        .containsEntry(ManagedUsers.STATUS, List.of(UserStatus.ACTIVE.attributeValue()))
        .containsEntry(ManagedUsers.GRANTED, List.of("group:/caseworking/visas", "group:/staff", "realm-role:caseworker"));

    ManagedUser created = realm.user("jo.bloggs");
    assertThat(created.enabled()).isTrue();
    assertThat(created.grants()).isEqualTo(Grants.of(STAFF, VISAS, CASEWORKER));
  }

  @Test
  void anActionsEmailThatFailedIsSentByTheNextRunAndOnlyOnce() {
    InMemoryRealm realm = new InMemoryRealm();
    realm.emailFails(true);
    Plan first = plan(realm, feed(jo()), TODAY);
    CreateUser create = (CreateUser) only(first).changes().get(0);
    assertThat(create.attributes()).containsEntry(ManagedUsers.ACTIONS_EMAIL, List.of(ManagedUsers.OWED));
    assertThat(realm.applyStoppingAtFailures(first)).singleElement().asString().contains("Failed to send");
    assertThat(realm.user("jo.bloggs").attribute(ManagedUsers.ACTIONS_EMAIL)).contains(ManagedUsers.OWED);

    // Still no SMTP: owed again, and still recorded as owed.
    UserPlan retry = only(plan(realm, feed(jo()), TODAY));
    assertThat(retry.kind()).isEqualTo(UserPlan.Kind.UPDATE);
    assertThat(steps(retry)).containsExactly(SendActionsEmail.class, UpdateUser.class);
    assertThat(realm.applyStoppingAtFailures(plan(realm, feed(jo()), TODAY))).hasSize(1);

    realm.emailFails(false);
    assertThat(only(applyAndConverge(realm, feed(jo()), TODAY)).changes()).hasSize(2);
    assertThat(realm.emailed()).containsExactly("jo.bloggs");
    assertThat(realm.user("jo.bloggs").attribute(ManagedUsers.ACTIONS_EMAIL)).isEmpty();
    assertThat(plan(realm, feed(jo()), TODAY).users()).isEmpty();
  }

  @Test
  void anOwedEmailWaitsWhileTheAccountIsDisabledByHandAndIsDroppedForALeaverOrAPolicyThatStopsSending() {
    InMemoryRealm realm = new InMemoryRealm();
    realm.emailFails(true);
    realm.applyStoppingAtFailures(plan(realm, feed(jo()), TODAY));
    realm.emailFails(false);
    ManagedUser owing = realm.user("jo.bloggs");
    realm.put(new ManagedUser(owing.id(), owing.username(), false, owing.firstName(), owing.lastName(),
        owing.email(), owing.attributes(), owing.grants()));

    Plan whileDisabled = plan(realm, feed(jo()), TODAY);
    assertThat(whileDisabled.users()).isEmpty();
    assertThat(whileDisabled.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.DISABLED_BY_HAND);

    AccessPolicy noEmail = policyBuilder().sendActionsEmail(false).build();
    UserPlan dropped = only(plan(realm, feed(jo()), TODAY, noEmail));
    assertThat(steps(dropped)).containsExactly(UpdateUser.class);
    assertThat(((UpdateUser) dropped.changes().get(0)).after().attributes()).doesNotContainKey(ManagedUsers.ACTIONS_EMAIL);

    applyAndConverge(realm, feed(), TODAY);
    assertThat(realm.user("jo.bloggs").attribute(ManagedUsers.ACTIONS_EMAIL)).as("a leaver owes nothing").isEmpty();
    assertThat(realm.emailed()).isEmpty();
  }

  @Test
  void aStarterStoppedBetweenTheEnableAndItsStatusIsStillSentTheEmail() {
    LocalDate start = TODAY.plusDays(3);
    StaffRecord preHire = person("E2", "Sam", "Start").startDate(start).build();
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(preHire), TODAY);
    UserPlan starter = only(plan(realm, feed(preHire), start));
    realm.apply(starter, 1);
    assertThat(realm.user("sam.start").enabled()).isTrue();
    assertThat(realm.user("sam.start").status()).contains(UserStatus.PRE_HIRE);

    UserPlan rest = only(applyAndConverge(realm, feed(preHire), start));
    assertThat(steps(rest)).containsExactly(UpdateUser.class, SendActionsEmail.class, UpdateUser.class);
    assertThat(realm.emailed()).containsExactly("sam.start");
  }

  @Test
  void aPreHireIsCreatedDisabledWithAccessAndEnabledOnTheirStartDate() {
    LocalDate start = TODAY.plusDays(14);
    StaffRecord preHire = person("E2", "Sam", "Start").startDate(start).build();
    InMemoryRealm realm = new InMemoryRealm();

    UserPlan created = only(applyAndConverge(realm, feed(preHire), TODAY));
    assertThat(created.kind()).isEqualTo(UserPlan.Kind.PRE_HIRE);
    assertThat(((CreateUser) created.changes().get(0)).enabled()).isFalse();
    assertThat(steps(created)).doesNotContain(SendActionsEmail.class);
    assertThat(realm.user("sam.start").enabled()).isFalse();
    assertThat(realm.user("sam.start").status()).contains(UserStatus.PRE_HIRE);

    assertThat(plan(realm, feed(preHire), start.minusDays(1)).users()).isEmpty();
    UserPlan starter = only(applyAndConverge(realm, feed(preHire), start));
    assertThat(starter.kind()).isEqualTo(UserPlan.Kind.STARTER);
    assertThat(steps(starter)).containsExactly(Enable.class, UpdateUser.class, SendActionsEmail.class, UpdateUser.class);
    assertThat(realm.user("sam.start").enabled()).isTrue();
    assertThat(realm.user("sam.start").status()).contains(UserStatus.ACTIVE);
  }

  @Test
  void preHiresCanWaitUntilTheirStartDate() {
    AccessPolicy waiting = policyBuilder().preHires(AccessPolicy.PreHires.WAIT_UNTIL_START).build();
    LocalDate start = TODAY.plusDays(3);
    StaffRecord preHire = person("E2", "Sam", "Start").startDate(start).build();
    InMemoryRealm realm = new InMemoryRealm();

    assertThat(plan(realm, feed(preHire), TODAY, waiting).users()).isEmpty();
    UserPlan joiner = only(applyAndConverge(realm, feed(preHire), start, waiting));
    assertThat(joiner.kind()).isEqualTo(UserPlan.Kind.JOINER);
    assertThat(realm.user("sam.start").enabled()).isTrue();
  }

  @Test
  void aMoverLosesAccessTheRulesNoLongerJustifyAndKeepsWhatTheyStillDo() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);

    StaffRecord moved = jo().toBuilder().department("Asylum").build();
    UserPlan mover = only(applyAndConverge(realm, feed(moved), TODAY));

    assertThat(mover.kind()).isEqualTo(UserPlan.Kind.MOVER);
    assertThat(steps(mover)).containsExactly(UpdateUser.class, AddGrant.class, RemoveGrant.class, UpdateUser.class);
    assertThat(((AddGrant) mover.changes().get(1)).grant()).isEqualTo(ASYLUM);
    assertThat(((RemoveGrant) mover.changes().get(2)).grant()).isEqualTo(VISAS);
    // The first update records the new grant before adding it and keeps the old until it is removed.
    assertThat(((UpdateUser) mover.changes().get(0)).after().attributes().get(ManagedUsers.GRANTED))
        .containsExactly("group:/caseworking/asylum", "group:/caseworking/visas", "group:/staff", "realm-role:caseworker");
    assertThat(((UpdateUser) mover.changes().get(3)).after().attributes().get(ManagedUsers.GRANTED))
        .containsExactly("group:/caseworking/asylum", "group:/staff", "realm-role:caseworker");
    assertThat(realm.user("jo.bloggs").grants()).isEqualTo(Grants.of(STAFF, ASYLUM, CASEWORKER));
  }

  @Test
  void aPromotionAddsAClientRoleAndAnAttributeOnlyChangeIsAnUpdate() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);

    UserPlan promoted = only(applyAndConverge(realm, feed(jo().toBuilder().title("Senior caseworker").build()), TODAY));
    assertThat(promoted.kind()).isEqualTo(UserPlan.Kind.MOVER);
    // "Senior caseworker" does not start with "Caseworker": the visas rule no longer applies.
    assertThat(realm.user("jo.bloggs").grants()).isEqualTo(Grants.of(STAFF, DECIDE));

    UserPlan renamed = only(applyAndConverge(realm,
        feed(jo().toBuilder().title("Senior caseworker").familyName("Smith").build()), TODAY));
    assertThat(renamed.kind()).isEqualTo(UserPlan.Kind.UPDATE);
    assertThat(renamed.changes()).hasSize(1);
    assertThat(renamed.changes().get(0).describe()).isEqualTo("update lastName, email");
    // The username is made once, at creation: it does not follow a change of name.
    assertThat(realm.user("jo.bloggs").email()).isEqualTo("jo.smith@example.gov.uk");
  }

  @Test
  void aClearedHrAttributeIsRemovedFromTheUser() {
    InMemoryRealm realm = new InMemoryRealm();
    StaffRecord withEnd = jo().toBuilder().endDate(TODAY.plusMonths(6)).build();
    applyAndConverge(realm, feed(withEnd), TODAY);
    assertThat(realm.user("jo.bloggs").attribute("endDate")).contains(TODAY.plusMonths(6).toString());

    applyAndConverge(realm, feed(jo()), TODAY);
    assertThat(realm.user("jo.bloggs").attribute("endDate")).isEmpty();
  }

  @Test
  void aLeaverIsDisabledSignedOutAndLosesAccessOnTheEndDate() {
    InMemoryRealm realm = new InMemoryRealm();
    LocalDate end = TODAY.plusDays(5);
    StaffRecord leaving = jo().toBuilder().endDate(end).build();
    applyAndConverge(realm, feed(leaving), TODAY);
    assertThat(plan(realm, feed(leaving), end.minusDays(1)).users()).as("the day before the end date").isEmpty();

    UserPlan leaver = only(applyAndConverge(realm, feed(leaving), end));
    assertThat(leaver.kind()).isEqualTo(UserPlan.Kind.LEAVER);
    assertThat(steps(leaver)).containsExactly(Disable.class, EndSessions.class, UpdateUser.class,
        RemoveGrant.class, RemoveGrant.class, RemoveGrant.class, UpdateUser.class);
    ManagedUser left = realm.user("jo.bloggs");
    assertThat(left.enabled()).isFalse();
    assertThat(left.grants()).isEqualTo(Grants.NONE);
    assertThat(left.status()).contains(UserStatus.LEAVER);
    assertThat(left.leftOn()).contains(end);
    assertThat(realm.endedSessions("jo.bloggs")).isEqualTo(1);
  }

  @Test
  void aLeaverIsKeptForTheRetentionPeriodThenDeleted() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    StaffRecord inactive = jo().toBuilder().active(false).build();
    applyAndConverge(realm, feed(inactive), TODAY);

    assertThat(plan(realm, feed(inactive), TODAY.plusDays(29)).users()).isEmpty();
    UserPlan delete = only(applyAndConverge(realm, feed(inactive), TODAY.plusDays(30)));
    assertThat(delete.kind()).isEqualTo(UserPlan.Kind.DELETE);
    assertThat(steps(delete)).containsExactly(DeleteUser.class);
    assertThat(realm.byUsername("jo.bloggs")).isEmpty();
  }

  @Test
  void leaversAreNeverDeletedWithoutARetentionPeriodAndCanKeepTheirAccess() {
    AccessPolicy keepAccess = AccessPolicy.builder().managedBy("stp-idam").usernameTemplate("{givenName}.{familyName}")
        .leaversLoseAccess(false).rule(new AccessRule("everyone", List.of(), Grants.of(STAFF))).build();
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY, keepAccess);

    UserPlan leaver = only(applyAndConverge(realm, feed(), TODAY, keepAccess));
    assertThat(steps(leaver)).containsExactly(Disable.class, EndSessions.class, UpdateUser.class);
    assertThat(realm.user("jo.bloggs").grants()).isEqualTo(Grants.of(STAFF));
    assertThat(keepAccess.deleteLeaversAfter()).isEmpty();
    assertThat(plan(realm, feed(), TODAY.plusYears(10), keepAccess).users()).as("never deleted").isEmpty();
  }

  @Test
  void someoneMissingFromTheWholeFeedLeavesButAnEventTouchesOnlyItsPerson() {
    InMemoryRealm realm = new InMemoryRealm();
    StaffRecord sam = person("E2", "Sam", "Other").build();
    applyAndConverge(realm, feed(jo(), sam), TODAY);

    Plan event = Planner.plan(feed(sam.toBuilder().department("Asylum").build()), POLICY,
        realm.managedUsers(POLICY), TODAY, Planner.Scope.ONLY_PEOPLE_IN_FEED);
    assertThat(event.users()).extracting(UserPlan::employeeNumber).containsExactly("E2");

    UserPlan leaver = only(applyAndConverge(realm, feed(sam), TODAY));
    assertThat(leaver.employeeNumber()).isEqualTo("E1");
    assertThat(leaver.kind()).isEqualTo(UserPlan.Kind.LEAVER);
  }

  @Test
  void anUrgentLeaverEventDisablesAtOnce() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    StaffRecord urgent = jo().toBuilder().endDate(TODAY).build();

    Plan event = Planner.plan(feed(urgent), POLICY, realm.managedUsers(POLICY), TODAY, Planner.Scope.ONLY_PEOPLE_IN_FEED);
    assertThat(only(event).kind()).isEqualTo(UserPlan.Kind.LEAVER);
    assertThat(only(event).changes().get(0)).isInstanceOf(Disable.class);
  }

  @Test
  void anUrgentLeaverByEmployeeNumberAloneKeepsTheirHrAttributes() {
    InMemoryRealm realm = new InMemoryRealm();
    StaffRecord sam = person("E2", "Sam", "Other").build();
    applyAndConverge(realm, feed(jo(), sam), TODAY);
    List<ManagedUser> joOnly = realm.managedUsers(POLICY).stream()
        .filter(u -> u.employeeNumber().orElseThrow().equals("E1")).toList();

    Plan urgent = Planner.plan(feed(), POLICY, joOnly, TODAY, Planner.Scope.LEAVING_NOW);
    assertThat(only(urgent).kind()).isEqualTo(UserPlan.Kind.LEAVER);
    assertThat(urgent.breaches()).as("an event checks counts only").isEmpty();
    realm.apply(urgent);
    ManagedUser left = realm.user("jo.bloggs");
    assertThat(left.enabled()).isFalse();
    assertThat(left.attribute("department")).contains("Visas");
    assertThat(left.firstName()).isEqualTo("Jo");
    assertThat(realm.user("sam.other").enabled()).isTrue();
  }

  @Test
  void aRehireIsEnabledWithTheAccessTheRulesGiveNow() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    applyAndConverge(realm, feed(), TODAY);
    assertThat(realm.user("jo.bloggs").enabled()).isFalse();

    StaffRecord back = jo().toBuilder().department("Asylum").build();
    UserPlan rehire = only(applyAndConverge(realm, feed(back), TODAY.plusDays(10)));
    assertThat(rehire.kind()).isEqualTo(UserPlan.Kind.REHIRE);
    assertThat(steps(rehire)).startsWith(Enable.class).doesNotContain(SendActionsEmail.class, CreateUser.class);
    ManagedUser rehired = realm.user("jo.bloggs");
    assertThat(rehired.enabled()).isTrue();
    assertThat(rehired.grants()).isEqualTo(Grants.of(STAFF, ASYLUM, CASEWORKER));
    assertThat(rehired.leftOn()).isEmpty();
    // Back in the feed, so never deleted by the retention period that was running.
    assertThat(plan(realm, feed(back), TODAY.plusYears(1)).users()).isEmpty();
  }

  @Test
  void aRehireWhoStartsLaterStaysDisabledUntilThenAndIsNotDeleted() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    applyAndConverge(realm, feed(), TODAY);
    LocalDate start = TODAY.plusDays(60);
    StaffRecord back = jo().toBuilder().startDate(start).build();

    UserPlan rehire = only(applyAndConverge(realm, feed(back), TODAY.plusDays(1)));
    assertThat(rehire.kind()).isEqualTo(UserPlan.Kind.REHIRE);
    assertThat(realm.user("jo.bloggs").enabled()).isFalse();
    assertThat(realm.user("jo.bloggs").status()).contains(UserStatus.PRE_HIRE);
    assertThat(plan(realm, feed(back), start.minusDays(1)).users()).isEmpty();
    assertThat(only(applyAndConverge(realm, feed(back), start)).kind()).isEqualTo(UserPlan.Kind.STARTER);
  }

  @Test
  void accessGrantedByHandIsKeptAndReportedThroughMovesAndLeaving() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    Grant handGranted = Grant.clientRole("case-service", "approve");
    ManagedUser jo = realm.user("jo.bloggs");
    realm.put(new ManagedUser(jo.id(), jo.username(), true, jo.firstName(), jo.lastName(), jo.email(),
        jo.attributes(), jo.grants().plus(Grants.of(handGranted, ASYLUM))));

    Plan move = applyAndConverge(realm, feed(jo().toBuilder().department("Asylum").build()), TODAY);
    assertThat(move.notices()).extracting(Notice::kind, Notice::message)
        .contains(org.assertj.core.groups.Tuple.tuple(Notice.Kind.HAND_GRANTED,
            "client-role:case-service/approve was not given by the policy: kept"));
    assertThat(realm.user("jo.bloggs").grants().contains(handGranted)).isTrue();

    applyAndConverge(realm, feed(), TODAY);
    assertThat(realm.user("jo.bloggs").grants()).isEqualTo(Grants.of(handGranted));
  }

  @Test
  void usersTheToolDoesNotManageAreNeverSeenOrChanged() {
    InMemoryRealm realm = new InMemoryRealm();
    realm.put(InMemoryRealm.handMade("admin-1", "jo.bloggs", Map.of("employeeNumber", List.of("E1")), VISAS));
    realm.put(InMemoryRealm.handMade("admin-2", "break.glass", Map.of()));
    Map<String, ManagedUser> before = realm.snapshot();

    Plan plan = plan(realm, feed(jo()), TODAY);
    // The joiner's username belongs to an unmanaged user: Keycloak refuses the create (409), and
    // KeycloakDirectory reports it for that person; the planner never sees unmanaged users.
    assertThat(only(plan).kind()).isEqualTo(UserPlan.Kind.JOINER);
    Plan empty = plan(realm, feed(), TODAY);
    assertThat(empty.users()).isEmpty();
    assertThat(realm.snapshot()).isEqualTo(before);
  }

  @Test
  void aUsernameTakenByAnotherManagedUserIsReportedNotReused() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    StaffRecord twin = person("E9", "Jo", "Bloggs").build();

    Plan plan = plan(realm, feed(jo(), twin), TODAY);
    assertThat(plan.users()).isEmpty();
    assertThat(plan.notices()).extracting(Notice::kind, Notice::employeeNumber)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Notice.Kind.NO_USERNAME, "E9"));

    UserPlan withUserName = only(applyAndConverge(realm,
        feed(jo(), person("E9", "Jo", "Bloggs").userName("jo.bloggs2").build()), TODAY,
        policyBuilder().usernameTemplate("{userName}").build()));
    assertThat(withUserName.username()).isEqualTo("jo.bloggs2");
  }

  @Test
  void anActiveUserDisabledByHandStaysDisabledAndIsReported() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    ManagedUser jo = realm.user("jo.bloggs");
    realm.put(new ManagedUser(jo.id(), jo.username(), false, jo.firstName(), jo.lastName(), jo.email(),
        jo.attributes(), jo.grants()));

    Plan plan = plan(realm, feed(jo()), TODAY);
    assertThat(plan.users()).isEmpty();
    assertThat(plan.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.DISABLED_BY_HAND);
  }

  @Test
  void aLeaverEnabledAgainByHandIsDisabledAgain() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    applyAndConverge(realm, feed(), TODAY);
    ManagedUser jo = realm.user("jo.bloggs");
    realm.put(new ManagedUser(jo.id(), jo.username(), true, jo.firstName(), jo.lastName(), jo.email(),
        jo.attributes(), jo.grants()));

    UserPlan again = only(applyAndConverge(realm, feed(), TODAY.plusDays(1)));
    assertThat(steps(again)).containsExactly(Disable.class, EndSessions.class);
    assertThat(realm.user("jo.bloggs").leftOn()).contains(TODAY);
  }

  @Test
  void aPersonWhoseRowWasLeftOutIsHeldNotTreatedAsALeaver() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    HrFeed badRow = HrFeed.readCsv(new java.io.StringReader(
        "employeeNumber,givenName,familyName,startDate\nE1,Jo,Bloggs,2026-13-01\n"), "staff.csv");

    Plan plan = plan(realm, badRow, TODAY);
    assertThat(plan.users()).isEmpty();
    assertThat(plan.notices()).extracting(Notice::kind, Notice::username)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Notice.Kind.HELD, "jo.bloggs"));
  }

  @Test
  void twoUsersWithOneEmployeeNumberAreNeitherChanged() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    ManagedUser jo = realm.user("jo.bloggs");
    realm.put(new ManagedUser("copy", "jo.copy", true, "Jo", "Copy", "", jo.attributes(), Grants.NONE));

    Plan plan = plan(realm, feed(jo().toBuilder().department("Asylum").build()), TODAY);
    assertThat(plan.users()).isEmpty();
    assertThat(plan.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.DUPLICATE_EMPLOYEE_NUMBER);
    assertThat(plan(realm, feed(), TODAY).users()).as("not leavers either").isEmpty();
  }

  @Test
  void aManagedUserWithoutAnEmployeeNumberIsReportedAndLeftAlone() {
    InMemoryRealm realm = new InMemoryRealm();
    applyAndConverge(realm, feed(jo()), TODAY);
    ManagedUser jo = realm.user("jo.bloggs");
    java.util.Map<String, List<String>> attributes = new java.util.HashMap<>(jo.attributes());
    attributes.remove(ManagedUsers.EMPLOYEE_NUMBER);
    realm.put(new ManagedUser("nameless", "no.number", true, "No", "Number", "", attributes, Grants.NONE));

    Plan plan = plan(realm, feed(jo()), TODAY);
    assertThat(plan.users()).isEmpty();
    assertThat(plan.notices()).extracting(Notice::kind, Notice::username)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Notice.Kind.NO_EMPLOYEE_NUMBER, "no.number"));
  }

  @Test
  void aTruncatedFeedCrossesTheLeaverAndRemovalThresholds() {
    AccessPolicy guarded = policyBuilder()
        .leaverThreshold(new Threshold(2, 20))
        .removalThreshold(new Threshold(1000, 30))
        .deletionThreshold(new Threshold(0, 0))
        .build();
    InMemoryRealm realm = new InMemoryRealm();
    List<StaffRecord> everyone = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      everyone.add(person("E" + i, "Person", "Number" + i).build());
    }
    applyAndConverge(realm, HrFeed.of("all", everyone), TODAY, guarded);

    Plan oneLeaves = plan(realm, HrFeed.of("nine", everyone.subList(0, 9)), TODAY, guarded);
    assertThat(oneLeaves.breaches()).isEmpty();

    Plan truncated = plan(realm, HrFeed.of("half", everyone.subList(0, 5)), TODAY, guarded);
    assertThat(truncated.breaches()).extracting(ThresholdBreach::kind)
        .containsExactly("leavers", "group and role removals");
    assertThat(truncated.breaches().get(0).planned()).isEqualTo(5);
    assertThat(truncated.breaches().get(0).population()).isEqualTo(10);

    Plan empty = plan(realm, HrFeed.of("empty", List.of()), TODAY, guarded);
    assertThat(empty.breaches()).extracting(ThresholdBreach::kind).contains("leavers");

    realm.apply(plan(realm, HrFeed.of("nine", everyone.subList(0, 9)), TODAY, guarded));
    Plan deletion = plan(realm, HrFeed.of("nine", everyone.subList(0, 9)), TODAY.plusDays(30), guarded);
    assertThat(deletion.breaches()).extracting(ThresholdBreach::kind).containsExactly("deletions");
  }

  @Test
  void aRunStoppedAfterAnyStepIsFinishedByTheNextRunWithTheSameResult() {
    // Every scenario, cut after every step of every person: the next run must converge on exactly
    // what an uninterrupted run gives, and then plan nothing.
    List<Scenario> scenarios = List.of(
        new Scenario("joiners", r -> feed(), feed(jo(), person("E2", "Sam", "Start").startDate(TODAY.plusDays(3)).build())),
        new Scenario("mover", r -> feed(jo()), feed(jo().toBuilder().department("Asylum").title("Senior").build())),
        new Scenario("leaver", r -> feed(jo()), feed()),
        new Scenario("rehire", r -> feed(jo()), feed(jo().toBuilder().department("Asylum").build()), true),
        new Scenario("starter", r -> feed(person("E2", "Sam", "Start").startDate(TODAY).build()),
            feed(person("E2", "Sam", "Start").startDate(TODAY).build())));
    int cuts = 0;
    for (Scenario scenario : scenarios) {
      InMemoryRealm expected = scenario.setUp();
      Plan full = plan(expected, scenario.target, TODAY);
      expected.apply(full);
      assertThat(full.users()).as(scenario.name).isNotEmpty();
      for (UserPlan user : full.users()) {
        for (int steps = 0; steps < user.changes().size(); steps++) {
          InMemoryRealm cut = scenario.setUp();
          UserPlan same = plan(cut, scenario.target, TODAY).users().stream()
              .filter(u -> u.employeeNumber().equals(user.employeeNumber())).findFirst().orElseThrow();
          cut.apply(same, steps);
          Plan resumed = plan(cut, scenario.target, TODAY);
          cut.apply(resumed);
          assertThat(plan(cut, scenario.target, TODAY).users()).as(scenario.name + " cut after " + steps).isEmpty();
          assertThat(cut.managedUsers(POLICY)).as(scenario.name + " cut after " + steps + " of " + user.username())
              .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
              .containsExactlyInAnyOrderElementsOf(expected.managedUsers(POLICY));
          cuts++;
        }
      }
    }
    assertThat(cuts).isGreaterThan(20);
  }

  private static final class Scenario {
    final String name;
    final Function<InMemoryRealm, HrFeed> before;
    final HrFeed target;
    final boolean leaveFirst;

    Scenario(String name, Function<InMemoryRealm, HrFeed> before, HrFeed target) {
      this(name, before, target, false);
    }

    Scenario(String name, Function<InMemoryRealm, HrFeed> before, HrFeed target, boolean leaveFirst) {
      this.name = name;
      this.before = before;
      this.target = target;
      this.leaveFirst = leaveFirst;
    }

    InMemoryRealm setUp() {
      InMemoryRealm realm = new InMemoryRealm();
      realm.apply(plan(realm, before.apply(realm), TODAY.minusDays(40)));
      if (leaveFirst) {
        realm.apply(plan(realm, feed(), TODAY.minusDays(20)));
      }
      return realm;
    }
  }

  @Test
  void thePlanReadsAsATableAndAsJson() {
    InMemoryRealm realm = new InMemoryRealm();
    Plan plan = plan(realm, feed(jo()), TODAY);
    assertThat(plan.toTable()).contains("E1", "jo.bloggs", "joiner",
        "create enabled account jo.bloggs in /caseworking/visas, /staff, required actions UPDATE_PASSWORD, CONFIGURE_TOTP",
        "add realm-role:caseworker", "email required actions UPDATE_PASSWORD, CONFIGURE_TOTP",
        "record the actions email as sent", "Plan for 2026-11-22: 1 people, 4 changes (1 joiner).");
    assertThat(plan.toJson()).contains("\"kind\" : \"joiner\"", "\"type\" : \"create\"", "\"grant\" : \"realm-role:caseworker\"");
    realm.apply(plan);
    assertThat(plan(realm, feed(jo()), TODAY).toTable()).startsWith("No changes");
  }
}

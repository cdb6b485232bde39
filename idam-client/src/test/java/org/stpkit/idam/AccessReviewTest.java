package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The access review: what each person holds and why, what a reviewer must look at, and the summary. */
class AccessReviewTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final AccessPolicy POLICY = AccessPolicy.builder()
      .attributes(List.of("department", "title"))
      .deleteLeaversAfter(Period.ofDays(30))
      .rule(new AccessRule("Everyone", List.of(), Grants.of(Grant.group("/staff"))))
      .rule(new AccessRule("Visas caseworkers", List.of(AttributeMatch.equalTo("department", "Visas")),
          Grants.of(Grant.group("/caseworking/visas"), Grant.realmRole("caseworker"))))
      .build();

  private static StaffRecord person(String number, String userName, String department) {
    return StaffRecord.builder(number).userName(userName).givenName("Given").familyName(number)
        .department(department).startDate(LocalDate.of(2020, 1, 6)).build();
  }

  @Test
  void eachGrantHasItsRuleOrIsFlaggedAndDisabledAndLeavingPeopleAreFlagged() {
    InMemoryRealm realm = new InMemoryRealm();
    HrFeed staff = HrFeed.of("feed", List.of(person("E1", "ada", "Visas"), person("E2", "bo", "Asylum"),
        person("E3", "cy", "Visas")));
    realm.apply(Planner.plan(staff, POLICY, realm.managedUsers(POLICY), TODAY));
    ManagedUser bo = realm.user("bo");
    realm.put(new ManagedUser(bo.id(), bo.username(), false, bo.firstName(), bo.lastName(), bo.email(),
        bo.attributes(), bo.grants().plus(Grants.of(Grant.realmRole("auditor")))));
    realm.apply(Planner.plan(HrFeed.of("feed", List.of(person("E1", "ada", "Visas"), person("E2", "bo", "Asylum"))),
        POLICY, realm.managedUsers(POLICY), TODAY));

    AccessReview review = AccessReview.of(POLICY, realm.managedUsers(POLICY), TODAY);

    assertThat(review.people()).extracting(AccessReview.Person::username).containsExactly("ada", "bo", "cy");
    AccessReview.Person ada = review.people().get(0);
    assertThat(ada.access()).extracting(a -> a.grant().key(), AccessReview.Access::basis, AccessReview.Access::rules)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("group:/caseworking/visas", AccessReview.Basis.RULE, List.of("Visas caseworkers")),
            org.assertj.core.groups.Tuple.tuple("group:/staff", AccessReview.Basis.RULE, List.of("Everyone")),
            org.assertj.core.groups.Tuple.tuple("realm-role:caseworker", AccessReview.Basis.RULE, List.of("Visas caseworkers")));
    assertThat(ada.flags()).isEmpty();
    AccessReview.Person boReviewed = review.people().get(1);
    assertThat(boReviewed.flags()).containsExactly(AccessReview.Flag.HAND_GRANTED_ACCESS, AccessReview.Flag.DISABLED_BY_HAND);
    assertThat(boReviewed.access()).filteredOn(a -> a.basis() == AccessReview.Basis.HAND_GRANTED)
        .extracting(a -> a.grant().key()).containsExactly("realm-role:auditor");
    AccessReview.Person cy = review.people().get(2);
    assertThat(cy.flags()).containsExactly(AccessReview.Flag.AWAITING_DELETION);
    assertThat(cy.deleteOn()).contains(TODAY.plusDays(30));

    assertThat(review.peopleByDepartment()).containsExactly(java.util.Map.entry("Asylum", 1), java.util.Map.entry("Visas", 2));
    assertThat(review.peopleByRule()).containsEntry("Everyone", 2).containsEntry("Visas caseworkers", 1);
    assertThat(review.count(AccessReview.Flag.DISABLED_BY_HAND)).isEqualTo(1);

    assertThat(review.toCsv().lines()).first()
        .isEqualTo("employeeNumber,username,name,department,status,enabled,grant,basis,rules,flags,deleteOn");
    assertThat(review.toCsv()).contains("E2,bo,Given E2,Asylum,active,false,realm-role:auditor,hand-granted,,"
        + "hand-granted-access; disabled-by-hand,\r\n");
    assertThat(review.toCsv()).contains("E3,cy,Given E3,Visas,leaver,false,,,,awaiting-deletion,2026-12-22\r\n");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAreDefused() {
    InMemoryRealm realm = new InMemoryRealm();
    HrFeed staff = HrFeed.of("feed", List.of(person("E1", "ada", "=HYPERLINK(\"x\")")));
    realm.apply(Planner.plan(staff, POLICY, realm.managedUsers(POLICY), TODAY));

    assertThat(AccessReview.of(POLICY, realm.managedUsers(POLICY), TODAY).toCsv())
        .contains(",\"'=HYPERLINK(\"\"x\"\")\",");
  }
}

package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans written for review: their digest and basis, drift named, and approvals signed and checked. */
class ReviewedPlanTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
  private static final AccessPolicy POLICY = AccessPolicy.builder()
      .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
      .build();

  private static StaffRecord person(String employeeNumber, String userName) {
    return StaffRecord.builder(employeeNumber).userName(userName).givenName("Given").familyName(employeeNumber)
        .startDate(LocalDate.of(2020, 1, 6)).build();
  }

  private static Plan plan(InMemoryRealm realm, HrFeed feed, LocalDate day, AccessPolicy policy) {
    return Planner.plan(feed, policy, realm.managedUsers(policy), day);
  }

  private static ECKey ecKey() throws Exception {
    return new ECKeyGenerator(Curve.P_256).generate();
  }

  @Test
  void aPlanReadBackHasTheDigestAndBasisItWasWrittenWith() {
    Plan plan = plan(new InMemoryRealm(), HrFeed.of("feed", List.of(person("E1", "jo"))), TODAY, POLICY);

    ReviewedPlan reviewed = ReviewedPlan.parse(plan.toJson(), "plan.json");

    assertThat(reviewed.digest()).isEqualTo(plan.digest()).hasSize(64);
    assertThat(reviewed.basis()).isEqualTo(plan.basis());
    assertThat(reviewed.approvals()).isEmpty();
    assertThat(plan(new InMemoryRealm(), HrFeed.of("another name", List.of(person("E1", "jo"))), TODAY, POLICY)
        .digest()).as("the same inputs make the same plan, whatever the feed's file is called").isEqualTo(plan.digest());
  }

  @Test
  void aPlanFileEditedAfterItWasMadeIsRefused() {
    String json = plan(new InMemoryRealm(), HrFeed.of("feed", List.of(person("E1", "jo"))), TODAY, POLICY).toJson();

    assertThatThrownBy(() -> ReviewedPlan.parse(json.replace("\"/staff\"", "\"/admins\""), "plan.json"))
        .isInstanceOf(IdamException.class).hasMessageContaining("plan.json was changed after it was made");
    assertThatThrownBy(() -> ReviewedPlan.parse("{\"day\": \"2026-11-22\"}", "other.json"))
        .isInstanceOf(IdamException.class).hasMessageContaining("other.json is not a plan");
  }

  @Test
  void driftNamesTheDayThePolicyTheFeedAndEachKeycloakUser() {
    InMemoryRealm realm = new InMemoryRealm();
    HrFeed feed = HrFeed.of("feed", List.of(person("E1", "jo"), person("E2", "sam"), person("E3", "ash")));
    realm.apply(plan(realm, feed, TODAY, POLICY));
    PlanBasis reviewed = plan(realm, feed, TODAY, POLICY).basis();
    assertThat(reviewed.driftSince(plan(realm, feed, TODAY, POLICY).basis())).isEmpty();

    ManagedUser jo = realm.user("jo");
    realm.put(new ManagedUser(jo.id(), jo.username(), false, jo.firstName(), jo.lastName(), jo.email(),
        jo.attributes(), jo.grants()));
    realm.remove("ash");
    AccessPolicy stricter = AccessPolicy.builder().leaverThreshold(new Threshold(1, 100))
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff")))).build();
    HrFeed fewer = HrFeed.of("feed", List.of(person("E1", "jo"), person("E2", "sam")));

    assertThat(reviewed.driftSince(plan(realm, fewer, TODAY.plusDays(1), stricter).basis())).containsExactly(
        "the day: the plan is for 2026-11-22, today is 2026-11-23",
        "the access policy has changed",
        "the HR feed has changed",
        "Keycloak: jo changed; ash gone");
  }

  @Test
  void anApprovalIsTheApproversSignatureOverThisPlanOnly() throws Exception {
    ECKey approverKey = ecKey();
    ECKey strangerKey = ecKey();
    RSAKey rsaKey = new RSAKeyGenerator(2048).generate();
    List<Approver> approvers = List.of(new Approver("Sam Jones", approverKey.toPublicJWK()),
        new Approver("Ash Patel", rsaKey.toPublicJWK()));
    String digest = plan(new InMemoryRealm(), HrFeed.of("feed", List.of(person("E1", "jo"))), TODAY, POLICY).digest();

    Approval approval = Approval.sign(digest, approverKey, NOW);
    assertThat(approval.verify(digest, approvers)).map(Approver::name).contains("Sam Jones");
    assertThat(approval.keyId()).contains(approvers.get(0).keyId());
    assertThat(approval.approvedAt()).contains(NOW);
    assertThat(Approval.sign(digest, rsaKey, NOW).verify(digest, approvers)).map(Approver::name).contains("Ash Patel");

    assertThat(approval.verify("0".repeat(64), approvers)).as("another plan").isEmpty();
    assertThat(Approval.sign(digest, strangerKey, NOW).verify(digest, approvers)).as("a key the policy does not name")
        .isEmpty();
    String[] parts = approval.jws().split("\\.");
    Approval forged = new Approval(parts[0] + "." + parts[1] + "." + Approval.sign(digest, strangerKey, NOW).jws()
        .split("\\.")[2]);
    assertThat(forged.verify(digest, approvers)).as("another key's signature under the approver's key id").isEmpty();
    assertThat(new Approval("not a jws").verify(digest, approvers)).isEmpty();
    assertThatThrownBy(() -> Approval.sign(digest, approverKey.toPublicJWK(), NOW))
        .isInstanceOf(IdamException.class).hasMessageContaining("private key");
  }

  @Test
  void approvalsTravelWithThePlanFile() throws Exception {
    ECKey approverKey = ecKey();
    Plan plan = plan(new InMemoryRealm(), HrFeed.of("feed", List.of(person("E1", "jo"))), TODAY, POLICY);
    ReviewedPlan reviewed = ReviewedPlan.of(plan);

    ReviewedPlan approved = reviewed.with(Approval.sign(reviewed.digest(), approverKey, NOW));
    ReviewedPlan readBack = ReviewedPlan.parse(approved.toJson(), "plan.json");

    assertThat(readBack.digest()).isEqualTo(plan.digest());
    assertThat(readBack.approvals()).singleElement().satisfies(approval -> assertThat(
        approval.verify(plan.digest(), List.of(new Approver("Sam", approverKey.toPublicJWK())))).isPresent());
  }

  @Test
  void anApproversKeyIsPublicAndStrongEnough() throws Exception {
    ECKey key = ecKey();
    assertThatThrownBy(() -> new Approver("Sam", key)).hasMessageContaining("public key only");
    assertThatThrownBy(() -> new Approver("Sam", new ECKeyGenerator(Curve.P_384).generate().toPublicJWK()))
        .hasMessageContaining("EC P-256");
    assertThatThrownBy(() -> new Approver("Sam", new RSAKeyGenerator(1024, true).generate().toPublicJWK()))
        .hasMessageContaining("2048 bits");
  }

  @Test
  void thePolicyNamesItsApproversWithTheirPublicKeys() throws Exception {
    ECKey key = ecKey();
    AccessPolicy policy = AccessPolicy.parse("""
        approvers:
          - name: Sam Jones
            key: %s
        rules: []
        """.formatted(key.toPublicJWK().toJSONString()), "policy.yaml");
    assertThat(policy.approvers()).singleElement().satisfies(approver -> {
      assertThat(approver.name()).isEqualTo("Sam Jones");
      assertThat(approver.keyId()).isEqualTo(key.computeThumbprint().toString());
    });

    assertThatThrownBy(() -> AccessPolicy.parse("""
        approvers:
          - name: Sam Jones
            key: %s
          - key: {kty: EC}
        rules: []
        """.formatted(key.toJSONString()), "policy.yaml"))
        .isInstanceOfSatisfying(InvalidPolicyException.class, invalid -> assertThat(invalid.problems())
            .extracting(org.stpkit.definition.Problem::line, org.stpkit.definition.Problem::path)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "approvers[0].key"),
                org.assertj.core.groups.Tuple.tuple(4, "approvers[1].name"),
                org.assertj.core.groups.Tuple.tuple(4, "approvers[1].key")));
  }
}

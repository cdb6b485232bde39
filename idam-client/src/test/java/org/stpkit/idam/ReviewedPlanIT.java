package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stpkit.idam.JmlFixtures.REALM;
import static org.stpkit.idam.JmlFixtures.TODAY;
import static org.stpkit.idam.JmlFixtures.feed;
import static org.stpkit.idam.JmlFixtures.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.testsupport.KeycloakServer;

/**
 * Reviewed plans against a real Keycloak: applied exactly while nothing has changed, refused naming
 * what drifted, and over the thresholds only with an approver's signature or break-glass, each
 * audited.
 */
class ReviewedPlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeycloakServer keycloak;
  private static ECKey approverKey;

  @TempDir
  Path folder;

  @BeforeAll
  static void start() throws Exception {
    keycloak = SharedKeycloak.jml();
    approverKey = new ECKeyGenerator(Curve.P_256).generate();
  }

  private static AccessPolicy policy(String managedBy) {
    return AccessPolicy.builder().managedBy(managedBy)
        .leaverThreshold(new Threshold(1, 100))
        .approver(new Approver("Sam Jones", approverKey.toPublicJWK()))
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("visas", List.of(AttributeMatch.equalTo("department", "Visas")),
            Grants.of(Grant.group("/caseworking/visas"))))
        .rule(new AccessRule("asylum", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(Grant.group("/caseworking/asylum"))))
        .build();
  }

  private Reconciler reconciler(String managedBy) {
    return Reconciler.builder().connection(JmlFixtures.serviceAccount(keycloak)).policy(policy(managedBy))
        .clock(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
        .auditLog(folder.resolve("audit.jsonl")).build();
  }

  /** The plan as {@code stp idam plan --out} writes it and a reviewer reads it back. */
  private ReviewedPlan written(Plan plan) throws Exception {
    Path file = Files.writeString(folder.resolve("plan.json"), plan.toJson());
    return ReviewedPlan.read(file);
  }

  private static JsonNode user(String username) throws Exception {
    JsonNode found = keycloak.admin("GET", "/" + REALM + "/users?exact=true&username=" + username, null);
    assertThat(found).as("user " + username).hasSize(1);
    return keycloak.admin("GET", "/" + REALM + "/users/" + found.get(0).path("id").asText(), null);
  }

  private List<JsonNode> runsStarted() throws Exception {
    List<JsonNode> started = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("audit.jsonl"))) {
      JsonNode event = JSON.readTree(line);
      if (event.path("event").asText().equals("run-started")) {
        started.add(event);
      }
    }
    return started;
  }

  @Test
  void aReviewedPlanIsAppliedExactlyWhileNothingHasChanged() throws Exception {
    HrFeed staff = feed(person("R1", "rp.one").build(), person("R2", "rp.two").build());
    try (Reconciler reconciler = reconciler("test-reviewed")) {
      Plan plan = reconciler.plan(staff);
      ReviewedPlan reviewed = written(plan);

      ApplyResult result = reconciler.apply(reviewed, staff, false);

      assertThat(result.failures()).isEmpty();
      assertThat(result.changesApplied()).isEqualTo(plan.changeCount());
      assertThat(reconciler.plan(staff).isEmpty()).isTrue();
      assertThat(runsStarted()).last().satisfies(started -> {
        assertThat(started.path("planDigest").asText()).isEqualTo(reviewed.digest());
        assertThat(started.path("authority").asText()).isEqualTo("within-thresholds");
      });
    }
  }

  @Test
  void applyRefusesNamingWhatDriftedAndChangesNothing() throws Exception {
    StaffRecord mover = person("D1", "rp.drift").build();
    try (Reconciler reconciler = reconciler("test-drift")) {
      reconciler.apply(reconciler.plan(feed(mover)), false);
      HrFeed moved = feed(mover.toBuilder().department("Asylum").build());
      ReviewedPlan reviewed = written(reconciler.plan(moved));

      // An administrator edits the person in Keycloak after the plan was reviewed.
      ObjectNode edited = (ObjectNode) user("rp.drift");
      edited.put("firstName", "Edited");
      keycloak.admin("PUT", "/" + REALM + "/users/" + edited.path("id").asText(), JSON.writeValueAsString(edited));

      assertThatThrownBy(() -> reconciler.apply(reviewed, moved, false))
          .isInstanceOfSatisfying(PlanDriftException.class, drift ->
              assertThat(drift.drift()).containsExactly("Keycloak: rp.drift changed"))
          .hasMessageContaining("nothing changed");
      assertThatThrownBy(() -> reconciler.apply(reviewed, feed(mover), false))
          .isInstanceOfSatisfying(PlanDriftException.class, drift -> assertThat(drift.drift())
              .containsExactly("the HR feed has changed", "Keycloak: rp.drift changed"));
      assertThat(user("rp.drift").path("attributes").path("department").get(0).asText()).isEqualTo("Visas");

      ApplyResult again = reconciler.apply(written(reconciler.plan(moved)), moved, false);
      assertThat(again.failures()).isEmpty();
      assertThat(user("rp.drift").path("attributes").path("department").get(0).asText()).isEqualTo("Asylum");
    }
  }

  @Test
  void aPlanOverTheThresholdsNeedsAnApproversSignatureOrBreakGlass() throws Exception {
    HrFeed three = feed(person("A1", "rp.a1").build(), person("A2", "rp.a2").build(), person("A3", "rp.a3").build());
    try (Reconciler reconciler = reconciler("test-approval")) {
      reconciler.apply(reconciler.plan(three), false);
      HrFeed one = feed(person("A1", "rp.a1").build());
      ReviewedPlan reviewed = written(reconciler.plan(one));
      assertThat(reviewed.breaches()).singleElement().asString().contains("2 leavers");

      assertThatThrownBy(() -> reconciler.apply(reviewed, one, false))
          .isInstanceOf(MassChangeException.class).hasMessageContaining("has no approval");
      ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
      ReviewedPlan strangers = reviewed.with(Approval.sign(reviewed.digest(), stranger, Instant.now()));
      assertThatThrownBy(() -> reconciler.apply(strangers, one, false))
          .isInstanceOf(MassChangeException.class).hasMessageContaining("none of its approvals");
      assertThat(user("rp.a2").path("enabled").asBoolean()).as("nothing changed").isTrue();

      ReviewedPlan approved = ReviewedPlan.parse(
          reviewed.with(Approval.sign(reviewed.digest(), approverKey, Instant.now())).toJson(), "approved.json");
      ApplyResult result = reconciler.apply(approved, one, false);

      assertThat(result.failures()).isEmpty();
      assertThat(user("rp.a2").path("enabled").asBoolean()).isFalse();
      assertThat(runsStarted()).last().satisfies(started -> {
        assertThat(started.path("authority").asText()).isEqualTo("approved");
        assertThat(started.path("approver").asText()).isEqualTo("Sam Jones");
        assertThat(started.path("massChangeAllowed").asBoolean()).isFalse();
      });
    }
  }

  @Test
  void breakGlassIsAuditedAsSuch() throws Exception {
    HrFeed two = feed(person("B1", "rp.b1").build(), person("B2", "rp.b2").build());
    try (Reconciler reconciler = reconciler("test-break-glass")) {
      reconciler.apply(reconciler.plan(two), false);
      HrFeed none = feed();
      ReviewedPlan reviewed = written(reconciler.plan(none));

      ApplyResult result = reconciler.apply(reviewed, none, true);

      assertThat(result.failures()).isEmpty();
      assertThat(runsStarted()).last().satisfies(started -> {
        assertThat(started.path("authority").asText()).isEqualTo("break-glass");
        assertThat(started.path("massChangeAllowed").asBoolean()).isTrue();
        assertThat(started.has("approver")).isFalse();
      });
    }
  }
}

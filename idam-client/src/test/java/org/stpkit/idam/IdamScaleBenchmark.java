package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scale run of issue 5, not part of the build's tests: a generated feed of 10,000 staff into a
 * real Keycloak — the first apply, a no-change re-run, and a 2% movers and leavers delta — timed
 * and written to {@code target/idam-scale.json}. Run with {@code benchmarks/idam-scale.sh}.
 */
class IdamScaleBenchmark {
  private static final String[] DEPARTMENTS = {"Visas", "Asylum", "Borders", "Passports"};

  @Test
  void tenThousandStaff() throws Exception {
    int people = Integer.getInteger("stp.idam.people", 10_000);
    int concurrency = Integer.getInteger("stp.idam.concurrency", 8);
    Path target = Path.of(System.getProperty("stp.reportDir", "target"));
    try (KeycloakServer keycloak = KeycloakServer.start("/keycloak/stp-jml-realm.json", JmlFixtures.REALM)) {
      UserProfileDeclaration.apply(JmlFixtures.realmAdministrator(keycloak), JmlFixtures.policy("scale"));
      List<StaffRecord> staff = new ArrayList<>();
      for (int i = 0; i < people; i++) {
        staff.add(JmlFixtures.person("S" + i, "scale." + i).department(DEPARTMENTS[i % DEPARTMENTS.length])
            .title(i % 10 == 0 ? "Senior caseworker" : "Caseworker").build());
      }
      HrFeed feed = HrFeed.of("generated", staff);
      List<StaffRecord> changed = new ArrayList<>(staff);
      int delta = people / 100; // 1% movers and 1% leavers
      for (int i = 0; i < delta; i++) {
        changed.set(i, staff.get(i).toBuilder().department(DEPARTMENTS[(i + 1) % DEPARTMENTS.length]).build());
      }
      List<StaffRecord> deltaFeed = new ArrayList<>(changed.subList(0, people - delta));

      try (Reconciler reconciler = Reconciler.builder().connection(JmlFixtures.serviceAccount(keycloak))
          .policy(JmlFixtures.policy("scale"))
          .clock(Clock.fixed(JmlFixtures.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
          .auditLog(target.resolve("idam-scale-audit.jsonl")).concurrency(concurrency).build()) {
        Step first = Step.run(reconciler, feed, people);
        Step again = Step.run(reconciler, feed, people);
        Step movers = Step.run(reconciler, HrFeed.of("delta", deltaFeed), people);
        assertThat(first.failures).isZero();
        assertThat(again.planned).as("no-change re-run plans nothing").isZero();
        assertThat(movers.planned).isEqualTo(2 * delta);
        String json = String.format(
            "{\"people\":%d,\"concurrency\":%d,\"firstApply\":%s,\"noChangeRerun\":%s,\"twoPercentDelta\":%s}%n",
            people, concurrency, first.json(), again.json(), movers.json());
        Files.writeString(target.resolve("idam-scale.json"), json);
        System.out.print(json);
      }
    }
  }

  private record Step(int planned, int changes, int failures, double planSeconds, double applySeconds, int people) {
    static Step run(Reconciler reconciler, HrFeed feed, int people) {
      long start = System.nanoTime();
      Plan plan = reconciler.plan(feed);
      long planned = System.nanoTime();
      ApplyResult result = reconciler.apply(plan, true);
      long applied = System.nanoTime();
      return new Step(plan.users().size(), result.changesApplied(), result.failures().size(),
          (planned - start) / 1e9, (applied - planned) / 1e9, people);
    }

    String json() {
      double total = planSeconds + applySeconds;
      return String.format("{\"peopleChanged\":%d,\"changes\":%d,\"failures\":%d,\"planSeconds\":%.1f,"
          + "\"applySeconds\":%.1f,\"totalSeconds\":%.1f,\"feedPeoplePerSecond\":%.0f,\"changedPeoplePerSecond\":%.1f}",
          planned, changes, failures, planSeconds, applySeconds, total, people / total,
          applySeconds == 0 ? 0.0 : planned / applySeconds);
    }
  }
}

package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

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
      int anchorUsers = Math.min(people / 5, 2_000);
      String loadBefore = loadAverage();
      Cpu anchorStart = Cpu.now();
      double anchorCold = bareCreatesPerSecond(keycloak, "cold", anchorUsers, concurrency);
      Cpu anchorColdCpu = Cpu.now().since(anchorStart);
      AccessPolicy policy = Boolean.getBoolean("stp.idam.groupsOnly") ? groupsOnly() : JmlFixtures.policy("scale");
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
          .policy(policy)
          .clock(Clock.fixed(JmlFixtures.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
          .auditLog(target.resolve("idam-scale-audit.jsonl")).concurrency(concurrency).build()) {
        Step first = Step.run("first apply", reconciler, feed, people);
        Step again = Step.run("no-change re-run", reconciler, feed, people);
        // The first read of 10,000 users just created is several times slower than later ones
        // (Keycloak's caches and JIT warming on its read paths), so a second re-run is measured too.
        Step againWarm = Step.run("no-change re-run again", reconciler, feed, people);
        Step movers = Step.run("2% delta", reconciler, HrFeed.of("delta", deltaFeed), people);
        assertThat(first.failures).isZero();
        assertThat(again.planned).as("no-change re-run plans nothing").isZero();
        assertThat(againWarm.planned).isZero();
        assertThat(movers.planned).isEqualTo(2 * delta);
        // Measured again after the run, with Keycloak warm and holding as many users as the run
        // left: the fairer anchor for the first apply, which ran on a warming Keycloak.
        Cpu anchorWarmStart = Cpu.now();
        double anchor = bareCreatesPerSecond(keycloak, "warm", anchorUsers, concurrency);
        Cpu anchorWarmCpu = Cpu.now().since(anchorWarmStart);
        String json = String.format(
            "{\"people\":%d,\"concurrency\":%d,\"policy\":\"%s\",\"loadAverageBefore\":\"%s\",\"loadAverageAfter\":\"%s\","
                + "\"anchorBareCreatesPerSecondCold\":%.1f,\"anchorBareCreatesPerSecond\":%.1f,"
                + "\"anchorCpuMsPerUserCold\":%s,\"anchorCpuMsPerUser\":%s,"
                + "\"firstApplyVersusBareCreates\":%.2f,\"firstApply\":%s,\"noChangeRerun\":%s,\"noChangeRerunAgain\":%s,\"twoPercentDelta\":%s}%n",
            people, concurrency, Boolean.getBoolean("stp.idam.groupsOnly") ? "groups only" : "groups, realm and client roles",
            loadBefore, loadAverage(), anchorCold, anchor, anchorColdCpu.perUser(anchorUsers), anchorWarmCpu.perUser(anchorUsers),
            (people / (first.planSeconds + first.applySeconds)) / anchor, first.json(), again.json(), againWarm.json(), movers.json());
        Files.writeString(target.resolve("idam-scale.json"), json);
        System.out.print(json);
      }
    }
  }

  /** The same rules with the access as groups only (roles would be carried by the groups in Keycloak). */
  private static AccessPolicy groupsOnly() {
    return AccessPolicy.builder().managedBy("scale").usernameTemplate("{userName}")
        .requiredActions(List.of("UPDATE_PASSWORD"))
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("visas", List.of(AttributeMatch.equalTo("department", "Visas")),
            Grants.of(Grant.group("/caseworking/visas"))))
        .rule(new AccessRule("asylum", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(Grant.group("/caseworking/asylum"))))
        .build();
  }

  /**
   * The anchor, measured in the same run: Keycloak creating bare users (a username and an email,
   * one admin API call each) as fast as it can at the same concurrency, through the same admin client.
   */
  private static double bareCreatesPerSecond(KeycloakServer keycloak, String batch, int count, int concurrency)
      throws Exception {
    try (org.keycloak.admin.client.Keycloak admin = org.keycloak.admin.client.KeycloakBuilder.builder()
        .serverUrl(keycloak.baseUrl()).realm(JmlFixtures.REALM).clientId(JmlFixtures.SERVICE_CLIENT)
        .clientSecret(JmlFixtures.SERVICE_SECRET).grantType("client_credentials")
        .resteasyClient(new org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl()
            .connectionPoolSize(concurrency + 2).maxPooledPerRoute(concurrency + 2).build())
        .build()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      long start = System.nanoTime();
      List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            org.keycloak.representations.idm.UserRepresentation user = new org.keycloak.representations.idm.UserRepresentation();
            user.setUsername("anchor." + batch + "." + i);
            user.setEmail("anchor." + batch + "." + i + "@example.gov.uk");
            user.setEnabled(true);
            try (jakarta.ws.rs.core.Response response = admin.realm(JmlFixtures.REALM).users().create(user)) {
              assertThat(response.getStatus()).isEqualTo(201);
            }
          }
        }));
      }
      for (java.util.concurrent.Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** The first minute's load average, as the kernel gives it, so figures from a busy machine say so. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException unavailable) {
      return "unknown";
    }
  }

  /**
   * CPU time used so far by this JVM (the client) and by Keycloak (a child of it): on two shared
   * cores, the client's CPU is taken from Keycloak's, so both are reported per user.
   */
  private record Cpu(double clientSeconds, double keycloakSeconds) {
    static Cpu now() {
      double keycloak = ProcessHandle.current().descendants()
          .filter(process -> process.info().command().orElse("").endsWith("java"))
          .mapToDouble(process -> seconds(process.info().totalCpuDuration())).sum();
      return new Cpu(seconds(ProcessHandle.current().info().totalCpuDuration()), keycloak);
    }

    private static double seconds(java.util.Optional<java.time.Duration> cpu) {
      return cpu.map(duration -> duration.toNanos() / 1e9).orElse(Double.NaN);
    }

    Cpu since(Cpu start) {
      return new Cpu(clientSeconds - start.clientSeconds, keycloakSeconds - start.keycloakSeconds);
    }

    String perUser(int users) {
      return String.format("{\"client\":%.2f,\"keycloak\":%.2f}", 1000 * clientSeconds / users,
          1000 * keycloakSeconds / users);
    }
  }

  private record Step(int planned, int changes, int failures, double planSeconds, double applySeconds, int people,
      Cpu cpu) {
    static Step run(String name, Reconciler reconciler, HrFeed feed, int people) {
      Cpu before = Cpu.now();
      java.time.Instant began = java.time.Instant.now();
      long start = System.nanoTime();
      Plan plan = reconciler.plan(feed);
      long planned = System.nanoTime();
      ApplyResult result = reconciler.apply(plan, true);
      long applied = System.nanoTime();
      // When each step ran, to cut a profiler's recording of the whole run into steps.
      System.out.println("idam-scale step '" + name + "' from " + began + " to " + java.time.Instant.now());
      return new Step(plan.users().size(), result.changesApplied(), result.failures().size(),
          (planned - start) / 1e9, (applied - planned) / 1e9, people, Cpu.now().since(before));
    }

    String json() {
      double total = planSeconds + applySeconds;
      return String.format("{\"peopleChanged\":%d,\"changes\":%d,\"failures\":%d,\"planSeconds\":%.1f,"
          + "\"applySeconds\":%.1f,\"totalSeconds\":%.1f,\"feedPeoplePerSecond\":%.0f,\"changedPeoplePerSecond\":%.1f,"
          + "\"cpuMsPerFeedPerson\":%s}",
          planned, changes, failures, planSeconds, applySeconds, total, people / total,
          applySeconds == 0 ? 0.0 : planned / applySeconds, cpu.perUser(people));
    }
  }
}

package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.idam.JmlFixtures.TODAY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs stopped half-way converge on the next run: Keycloak restarted under an apply, and the
 * applying process killed with SIGKILL.
 */
class ResumeIT {
  private static final int PEOPLE = 60;
  /**
   * The restarted run's feed is longer: Keycloak drains requests while it shuts down, and on a
   * quiet machine 60 people's changes could all be done before it stops answering.
   */
  private static final int PEOPLE_WHEN_RESTARTED = 150;
  private static KeycloakServer keycloak;

  @TempDir
  Path folder;

  @BeforeAll
  static void start() throws Exception {
    SharedKeycloak.stop(); // this test needs a Keycloak of its own, in the same Keycloak home
    keycloak = KeycloakServer.start("/keycloak/stp-jml-realm.json", JmlFixtures.REALM);
    UserProfileDeclaration.apply(JmlFixtures.realmAdministrator(keycloak), JmlFixtures.policy("setup"));
  }

  @AfterAll
  static void stop() {
    keycloak.close();
  }

  static HrFeed staff(String prefix) {
    return staff(prefix, PEOPLE);
  }

  private static HrFeed staff(String prefix, int people) {
    List<StaffRecord> records = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      records.add(JmlFixtures.person(prefix + i, "resume." + prefix.toLowerCase() + i)
          .department(i % 2 == 0 ? "Visas" : "Asylum").build());
    }
    return HrFeed.of(prefix, records);
  }

  private static Reconciler reconciler(String managedBy, Path audit, int attempts) {
    return Reconciler.builder()
        .connection(JmlFixtures.serviceAccount(keycloak))
        .policy(JmlFixtures.policy(managedBy))
        .clock(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
        .auditLog(audit)
        .concurrency(2)
        .retries(attempts, Duration.ofMillis(100))
        .build();
  }

  private static long appliedChanges(Path audit) throws Exception {
    if (!Files.exists(audit)) {
      return 0;
    }
    return Files.readAllLines(audit).stream().filter(line -> line.contains("\"outcome\":\"applied\"")).count();
  }

  private static void awaitChanges(Path audit, long count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (appliedChanges(audit) < count) {
      assertThat(System.nanoTime()).as("changes applied in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** After the interrupted run, the next converges: it applies the rest, then plans nothing. */
  private static void assertNextRunConverges(String managedBy, HrFeed feed, Path audit) {
    try (Reconciler next = reconciler(managedBy, audit, 6)) {
      Plan rest = next.plan(feed);
      assertThat(rest.isEmpty()).as("the interrupted run left work").isFalse();
      assertThat(next.apply(rest, false).failures()).isEmpty();
      Plan after = next.plan(feed);
      assertThat(after.users()).isEmpty();
      assertThat(after.notices()).isEmpty();
      List<ManagedUser> users = next.managedUsers();
      assertThat(users).hasSize(feed.records().size());
      for (ManagedUser user : users) {
        int number = Integer.parseInt(user.employeeNumber().orElseThrow().replaceAll("\\D", ""));
        String team = number % 2 == 0 ? "/caseworking/visas" : "/caseworking/asylum";
        assertThat(user.grants().keys()).as(user.username())
            .containsExactlyInAnyOrder("group:/staff", "group:" + team, "realm-role:caseworker");
        assertThat(user.enabled()).isTrue();
      }
    }
  }

  @Test
  void aRunThatKeycloakRestartsUnderFinishesOnTheNextRun() throws Exception {
    Path audit = folder.resolve("restart.jsonl");
    HrFeed feed = staff("R", PEOPLE_WHEN_RESTARTED);
    CompletableFuture<ApplyResult> run;
    try (Reconciler reconciler = reconciler("resume-restart", audit, 2)) {
      Plan plan = reconciler.plan(feed);
      run = CompletableFuture.supplyAsync(() -> reconciler.apply(plan, false));
      awaitChanges(audit, 30);
      keycloak.restart();
      ApplyResult interrupted = run.get(5, TimeUnit.MINUTES);
      // Calls made while Keycloak was down failed after their retries; each stopped only its person.
      assertThat(interrupted.failures()).isNotEmpty();
      assertThat(interrupted.changesApplied()).isGreaterThanOrEqualTo(30);
    }
    assertNextRunConverges("resume-restart", feed, audit);
  }

  @Test
  void aRunWhoseProcessIsKilledFinishesOnTheNextRun() throws Exception {
    Path audit = folder.resolve("killed.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ApplyInAnotherProcess.class.getName(), keycloak.baseUrl(), audit.toString())
        .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
    try {
      awaitChanges(audit, 40);
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertThat(appliedChanges(audit)).as("killed before the end").isLessThan(PEOPLE * 4L);
    assertNextRunConverges("resume-killed", staff("K"), audit);
  }

  /** The run that gets killed: plans and applies the same feed in its own JVM. */
  public static final class ApplyInAnotherProcess {
    public static void main(String[] args) {
      KeycloakConnection connection = KeycloakConnection.clientCredentials(args[0], JmlFixtures.REALM,
          JmlFixtures.SERVICE_CLIENT, JmlFixtures.SERVICE_SECRET);
      try (Reconciler reconciler = Reconciler.builder().connection(connection)
          .policy(JmlFixtures.policy("resume-killed"))
          .clock(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
          .auditLog(Path.of(args[1])).concurrency(2).build()) {
        reconciler.apply(reconciler.plan(staff("K")), false);
      }
    }
  }
}

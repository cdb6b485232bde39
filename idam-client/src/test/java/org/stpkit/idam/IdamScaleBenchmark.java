package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The scale run of issue 5, not part of the build's tests: a generated feed of 10,000 staff into a
 * real Keycloak — the first apply, no-change re-runs, a 2% movers and leavers delta and warm
 * joiners, beside bare creates as the anchor (the steps are listed in benchmarks/README.md) — timed
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
      // At least 500: fewer bare creates take a second or two, too short to say anything on a busy machine.
      int anchorUsers = Math.min(Math.max(people / 5, 500), 2_000);
      String loadBefore = loadAverage();
      Cpu anchorStart = Cpu.now();
      double anchorCold = bareCreatesPerSecond(keycloak, "cold", anchorUsers, concurrency);
      Cpu anchorColdCpu = Cpu.now().since(anchorStart);
      String policyName = System.getProperty("stp.idam.policy", "roles");
      if (policyName.equals("roles-through-groups")) {
        makeRoleGroups(keycloak);
      }
      AccessPolicy policy = policy(policyName, "scale");
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
        // A daily run meets a Keycloak that has long been running (compiled, warm) but whose user
        // cache holds few of the managed users: cleared here by the realm's administrator, so
        // the cost of loading users is told apart from Keycloak's warming up.
        keycloak.admin("POST", "/" + JmlFixtures.REALM + "/clear-user-cache", null);
        Step againCacheCleared = Step.run("no-change re-run, user cache cleared", reconciler, feed, people);
        Step movers = Step.run("2% delta", reconciler, HrFeed.of("delta", deltaFeed), people);
        // Joiners again, as many as the anchor's creates and just before them, on a Keycloak as warm
        // as theirs: a first apply of 1,000 people is partly Keycloak warming up, which this leaves out.
        List<StaffRecord> more = new ArrayList<>();
        for (int i = 0; i < anchorUsers; i++) {
          more.add(JmlFixtures.person("W" + i, "warm." + i).department(DEPARTMENTS[i % DEPARTMENTS.length])
              .title(i % 10 == 0 ? "Senior caseworker" : "Caseworker").build());
        }
        Step warmJoiners;
        try (Reconciler warm = Reconciler.builder().connection(JmlFixtures.serviceAccount(keycloak))
            .policy(policy(policyName, "scale-warm"))
            .clock(Clock.fixed(JmlFixtures.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
            .auditLog(target.resolve("idam-scale-audit.jsonl")).concurrency(concurrency).build()) {
          warmJoiners = Step.run("warm joiners", warm, HrFeed.of("warm", more), anchorUsers);
        }
        assertThat(first.failures).isZero();
        assertThat(again.planned).as("no-change re-run plans nothing").isZero();
        assertThat(againWarm.planned).isZero();
        assertThat(againCacheCleared.planned).isZero();
        assertThat(movers.planned).isEqualTo(2 * delta);
        assertThat(warmJoiners.failures).isZero();
        // Keycloak's own speed for the same people: the warm joiners created again, directly.
        Timed directCreates = directCreates(keycloak, "warm.", anchorUsers, concurrency);
        double direct = anchorUsers / directCreates.seconds();
        Cpu directCpu = directCreates.cpu();
        // Measured again after the run, with Keycloak warm and holding as many users as the run
        // left: the fairer anchor for the first apply, which ran on a warming Keycloak.
        Cpu anchorWarmStart = Cpu.now();
        double anchor = bareCreatesPerSecond(keycloak, "warm", anchorUsers, concurrency);
        Cpu anchorWarmCpu = Cpu.now().since(anchorWarmStart);
        String json = String.format(
            "{\"people\":%d,\"concurrency\":%d,\"policy\":\"%s\",\"loadAverageBefore\":\"%s\",\"loadAverageAfter\":\"%s\","
                + "\"anchorBareCreatesPerSecondCold\":%.1f,\"anchorBareCreatesPerSecond\":%.1f,"
                + "\"anchorCpuMsPerUserCold\":%s,\"anchorCpuMsPerUser\":%s,"
                + "\"firstApplyVersusBareCreates\":%.2f,\"firstApplyVersusBareCreatesByCpu\":%.2f,"
                + "\"warmJoinersVersusBareCreates\":%.2f,\"warmJoinersVersusBareCreatesByCpu\":%.2f,"
                + "\"directCreatesPerSecond\":%.1f,\"directCpuMsPerUser\":%s,"
                + "\"firstApplyVersusDirectCreates\":%.2f,\"firstApplyVersusDirectCreatesByCpu\":%.2f,"
                + "\"warmJoinersVersusDirectCreates\":%.2f,\"warmJoinersVersusDirectCreatesByCpu\":%.2f,\"firstApply\":%s,\"noChangeRerun\":%s,\"noChangeRerunAgain\":%s,\"noChangeRerunUserCacheCleared\":%s,\"twoPercentDelta\":%s,\"warmJoiners\":%s}%n",
            people, concurrency, policyName,
            loadBefore, loadAverage(), anchorCold, anchor, anchorColdCpu.perUser(anchorUsers), anchorWarmCpu.perUser(anchorUsers),
            (people / (first.planSeconds + first.applySeconds)) / anchor,
            anchorWarmCpu.total() / anchorUsers / (first.cpu.total() / people),
            (anchorUsers / (warmJoiners.planSeconds + warmJoiners.applySeconds)) / anchor,
            anchorWarmCpu.total() / warmJoiners.cpu.total(),
            direct, directCpu.perUser(anchorUsers),
            (people / (first.planSeconds + first.applySeconds)) / direct,
            directCpu.total() / anchorUsers / (first.cpu.total() / people),
            (anchorUsers / (warmJoiners.planSeconds + warmJoiners.applySeconds)) / direct,
            directCpu.total() / warmJoiners.cpu.total(), first.json(), again.json(), againWarm.json(), againCacheCleared.json(), movers.json(),
            warmJoiners.json());
        Files.writeString(target.resolve("idam-scale.json"), json);
        System.out.print(json);
      }
    }
  }

  /** The policy named by {@code stp.idam.policy}, marking its users with {@code managedBy}. */
  private static AccessPolicy policy(String name, String managedBy) {
    return switch (name) {
      case "roles" -> JmlFixtures.policy(managedBy);
      case "groups-only" -> groupsOnly(managedBy);
      case "roles-through-groups" -> rolesThroughGroups(managedBy);
      default -> throw new IllegalArgumentException("stp.idam.policy: roles, groups-only or roles-through-groups");
    };
  }

  /** The same rules with the access as groups only, and no roles at all. */
  private static AccessPolicy groupsOnly(String managedBy) {
    return AccessPolicy.builder().managedBy(managedBy).usernameTemplate("{userName}")
        .requiredActions(List.of("UPDATE_PASSWORD"))
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("visas", List.of(AttributeMatch.equalTo("department", "Visas")),
            Grants.of(Grant.group("/caseworking/visas"))))
        .rule(new AccessRule("asylum", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(Grant.group("/caseworking/asylum"))))
        .build();
  }

  /**
   * Roles given through groups that carry them, as ADR 0014 advises: a realm administrator (here,
   * the master realm's) maps the realm role and the client role onto two groups once.
   */
  private static void makeRoleGroups(KeycloakServer keycloak) throws Exception {
    String realm = "/" + JmlFixtures.REALM;
    String caseworkers = roleGroup(keycloak, "role-caseworker");
    String deciders = roleGroup(keycloak, "role-case-service-decide");
    keycloak.admin("POST", realm + "/groups/" + caseworkers + "/role-mappings/realm",
        "[" + keycloak.admin("GET", realm + "/roles/caseworker", null) + "]");
    String caseService = keycloak.admin("GET", realm + "/clients?clientId=case-service", null).get(0).path("id").asText();
    keycloak.admin("POST", realm + "/groups/" + deciders + "/role-mappings/clients/" + caseService,
        "[" + keycloak.admin("GET", realm + "/clients/" + caseService + "/roles/decide", null) + "]");
  }

  /**
   * The roles policy with each role granted through its group ({@link #makeRoleGroups}): each
   * joiner's access is all in the create's {@code groups}, and a re-run reads group members.
   */
  private static AccessPolicy rolesThroughGroups(String managedBy) {
    Grant caseworker = Grant.group("/role-caseworker");
    return AccessPolicy.builder().managedBy(managedBy).usernameTemplate("{userName}").emailTemplate("{email}")
        .requiredActions(List.of("UPDATE_PASSWORD"))
        .deleteLeaversAfter(java.time.Period.ofDays(30))
        .leaverThreshold(new Threshold(3, 50))
        .removalThreshold(new Threshold(50, 100))
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("visas caseworkers",
            List.of(AttributeMatch.equalTo("department", "Visas"), AttributeMatch.startsWith("title", "Caseworker")),
            Grants.of(Grant.group("/caseworking/visas"), caseworker)))
        .rule(new AccessRule("asylum caseworkers", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(Grant.group("/caseworking/asylum"), caseworker)))
        .rule(new AccessRule("deciders", List.of(AttributeMatch.startsWith("title", "Senior")),
            Grants.of(Grant.group("/role-case-service-decide"))))
        .build();
  }

  /** Makes a top-level group; its id. */
  private static String roleGroup(KeycloakServer keycloak, String name) throws Exception {
    String realm = "/" + JmlFixtures.REALM;
    keycloak.admin("POST", realm + "/groups", "{\"name\": \"" + name + "\"}");
    return keycloak.admin("GET", realm + "/groups?exact=true&search=" + name, null).get(0).path("id").asText();
  }

  /**
   * The anchor, measured in the same run: Keycloak creating bare users (a username and an email,
   * one admin API call each) as fast as it can at the same concurrency, through the same admin client
   * used as the tool uses it: one {@code users()} proxy made once and shared by the workers (building
   * the admin client's proxies per call cost the anchor's client more CPU than ours spends per joiner).
   */
  private static double bareCreatesPerSecond(KeycloakServer keycloak, String batch, int count, int concurrency)
      throws Exception {
    Client http = pooledHttp(concurrency);
    try (Keycloak admin = serviceAccount(keycloak, http)) {
      UsersResource users = admin.realm(JmlFixtures.REALM).users();
      long start = System.nanoTime();
      inParallel(concurrency, count, i -> {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("anchor." + batch + "." + i);
        user.setEmail("anchor." + batch + "." + i + "@example.gov.uk");
        user.setEnabled(true);
        try (Response response = users.create(user)) {
          assertThat(response.getStatus()).isEqualTo(201);
        }
      });
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The second anchor: Keycloak's own speed for the same work. The users the tool made under
   * {@code prefix} are read back (untimed) and made again under new names in the fewest admin API
   * calls the same result takes: one create carrying the attributes, groups and required actions,
   * then one role-mapping call per kind of role the user holds (realm, and the policy's client), made
   * as the tool makes them (the create through one {@code users()} proxy, the mappings as plain
   * requests with the admin client's token) at the same concurrency. No plan, no audit, no checks:
   * what is left between this and the tool's joiners is the tool.
   */
  private static Timed directCreates(KeycloakServer keycloak, String prefix, int count, int concurrency)
      throws Exception {
    Client http = pooledHttp(concurrency);
    try (Keycloak admin = serviceAccount(keycloak, http)) {
      UsersResource users = admin.realm(JmlFixtures.REALM).users();
      WebTarget realmUsers = http.target(keycloak.baseUrl()).path("admin/realms")
          .path(JmlFixtures.REALM).path("users");
      UserRepresentation[] copies = new UserRepresentation[count];
      @SuppressWarnings("unchecked")
      List<String>[] mappingPaths = new List[count];
      @SuppressWarnings("unchecked")
      List<List<RoleRepresentation>>[] mappings = new List[count];
      // The policy's one client with roles.
      String caseService = admin.realm(JmlFixtures.REALM).clients().findByClientId("case-service").get(0).getId();
      inParallel(concurrency, count, i -> {
        String id = users.searchByUsername(prefix + i, true).get(0).getId();
        UserResource user = users.get(id);
        UserRepresentation made = user.toRepresentation();
        UserRepresentation copy = new UserRepresentation();
        copy.setUsername("direct." + i);
        copy.setEmail("direct." + i + "@example.gov.uk");
        copy.setFirstName(made.getFirstName());
        copy.setLastName(made.getLastName());
        copy.setEnabled(made.isEnabled());
        copy.setAttributes(made.getAttributes());
        copy.setRequiredActions(made.getRequiredActions());
        copy.setGroups(user.groups().stream().map(GroupRepresentation::getPath).toList());
        copies[i] = copy;
        // Read one kind at a time, as the tool reads them: the all-kinds listing left the realm roles out here.
        List<String> paths = new ArrayList<>();
        List<List<RoleRepresentation>> roles = new ArrayList<>();
        List<RoleRepresentation> realmRoles = user.roles().realmLevel().listAll().stream()
            .filter(role -> !role.getName().startsWith("default-roles-")).toList();
        if (!realmRoles.isEmpty()) {
          paths.add("realm");
          roles.add(realmRoles);
        }
        List<RoleRepresentation> clientRoles = user.roles().clientLevel(caseService).listAll();
        if (!clientRoles.isEmpty()) {
          paths.add("clients/" + caseService);
          roles.add(clientRoles);
        }
        mappingPaths[i] = paths;
        mappings[i] = roles;
      });
      Cpu cpuBefore = Cpu.now();
      long start = System.nanoTime();
      inParallel(concurrency, count, i -> {
        String id;
        try (Response response = users.create(copies[i])) {
          assertThat(response.getStatus()).isEqualTo(201);
          id = CreatedResponseUtil.getCreatedId(response);
        }
        for (int m = 0; m < mappingPaths[i].size(); m++) {
          try (Response response = realmUsers.path(id).path("role-mappings").path(mappingPaths[i].get(m))
              .request().header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
              .post(Entity.json(mappings[i].get(m)))) {
            assertThat(response.getStatus()).isEqualTo(204);
          }
        }
      });
      return new Timed((System.nanoTime() - start) / 1e9, Cpu.now().since(cpuBefore));
    }
  }

  /** How long a measured part of a step took, and the CPU client and Keycloak spent in it. */
  private record Timed(double seconds, Cpu cpu) {}

  /** A pooled HTTP client with a connection for each worker, as the tool's. */
  private static Client pooledHttp(int concurrency) {
    return new ResteasyClientBuilderImpl().connectionPoolSize(concurrency + 2).maxPooledPerRoute(concurrency + 2).build();
  }

  /** The admin client signed in as the tool's service account, over {@code http}. */
  private static Keycloak serviceAccount(KeycloakServer keycloak, Client http) {
    return KeycloakBuilder.builder().serverUrl(keycloak.baseUrl()).realm(JmlFixtures.REALM)
        .clientId(JmlFixtures.SERVICE_CLIENT).clientSecret(JmlFixtures.SERVICE_SECRET).grantType("client_credentials")
        .resteasyClient(http).build();
  }

  /** Runs {@code work} for 0 to {@code count - 1} on {@code concurrency} workers, each taking the next number. */
  private static void inParallel(int concurrency, int count, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            work.accept(i);
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
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

    /**
     * Client and Keycloak together: when both are busy on the same cores, users per second is about
     * the cores over this, so the ratio of two steps' totals per person holds up under other load.
     */
    double total() {
      return clientSeconds + keycloakSeconds;
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

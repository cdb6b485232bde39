package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.testsupport.KeycloakServer;

/**
 * {@code stp idam} end to end against a real Keycloak 26 (idam-client's test harness and realm):
 * declaring the attributes as a realm administrator, then check, plan, apply, a threshold refusal
 * and an urgent leaver as the least-privilege service account, reading secrets from files.
 */
class IdamCommandIT {
  private static final String REALM = "stp-jml";
  private static KeycloakServer keycloak;

  @TempDir
  static Path folder;

  private static Path secret;
  private static Path adminPassword;
  private static Path policy;

  @BeforeAll
  static void start() throws Exception {
    keycloak = KeycloakServer.start("/keycloak/stp-jml-realm.json", REALM);
    secret = Files.writeString(folder.resolve("client-secret"), "stp-idam-test-secret\n");
    adminPassword = Files.writeString(folder.resolve("admin-password"), KeycloakServer.ADMIN_PASSWORD);
    policy = Files.writeString(folder.resolve("access-policy.yaml"), """
        managedBy: cli-test
        username: "{userName}"
        joiners:
          requiredActions: [UPDATE_PASSWORD]
        thresholds:
          leavers: {count: 2}
        rules:
          - name: Everyone
            groups: [/staff]
          - name: Visas caseworkers
            when:
              department: Visas
              title: {startsWith: Caseworker}
            groups: [/caseworking/visas]
            realmRoles: [caseworker]
        """);
  }

  @AfterAll
  static void stop() {
    keycloak.close();
  }

  private static Path feed(String name, int people) throws Exception {
    StringBuilder csv = new StringBuilder("employeeNumber,userName,givenName,familyName,email,department,title\n");
    for (int i = 1; i <= people; i++) {
      csv.append("C").append(i).append(",cli.person").append(i).append(",Person,Number").append(i)
          .append(",cli.person").append(i).append("@example.gov.uk,Visas,Caseworker\n");
    }
    return Files.writeString(folder.resolve(name), csv.toString());
  }

  private static StpRunner.Result idam(String command, String... more) {
    String[] args = new String[more.length + 8];
    args[0] = "idam";
    args[1] = command;
    System.arraycopy(more, 0, args, 2, more.length);
    int i = more.length + 2;
    args[i++] = "--server";
    args[i++] = keycloak.baseUrl();
    args[i++] = "--realm";
    args[i++] = REALM;
    args[i++] = "--client-secret-file";
    args[i++] = secret.toString();
    return StpRunner.stp("", java.util.Arrays.copyOf(args, i));
  }

  private static JsonNode user(String username) throws Exception {
    JsonNode found = keycloak.admin("GET", "/" + REALM + "/users?exact=true&username=" + username, null);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void declarePlanApplyRefuseAndAnUrgentLeaver() throws Exception {
    Path five = feed("five.csv", 5);
    Path audit = folder.resolve("audit.jsonl");

    StpRunner.Result undeclared = idam("plan", "--feed", five.toString(), "--policy", policy.toString());
    assertThat(undeclared.exitCode()).isEqualTo(2);
    assertThat(undeclared.err()).contains("does not declare").doesNotContain("Exception");

    StpRunner.Result declare = StpRunner.stp("", "idam", "declare-attributes", "--policy", policy.toString(),
        "--server", keycloak.baseUrl(), "--realm", REALM, "--admin-user", KeycloakServer.ADMIN,
        "--admin-password-file", adminPassword.toString());
    assertThat(declare.exitCode()).as(declare.err()).isZero();
    assertThat(declare.out()).contains("stp-managed-by");

    StpRunner.Result plan = idam("plan", "--feed", five.toString(), "--policy", policy.toString());
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(3);
    assertThat(plan.out()).contains("cli.person1", "joiner", "add realm-role:caseworker",
        "Plan for", "5 people");

    StpRunner.Result apply = idam("apply", "--feed", five.toString(), "--policy", policy.toString(),
        "--audit-log", audit.toString());
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Applied 10 changes for 5 people");
    assertThat(user("cli.person3").path("enabled").asBoolean()).isTrue();
    assertThat(Files.readAllLines(audit)).filteredOn(line -> line.contains("\"outcome\":\"applied\"")).hasSize(10);

    StpRunner.Result again = idam("plan", "--feed", five.toString(), "--policy", policy.toString(), "--json");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("\"users\" : [ ]");

    Path two = feed("two.csv", 2);
    StpRunner.Result refused = idam("apply", "--feed", two.toString(), "--policy", policy.toString(),
        "--audit-log", audit.toString());
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).contains("3 leavers of 5").contains("--allow-mass-change");
    assertThat(user("cli.person5").path("enabled").asBoolean()).as("nothing changed").isTrue();

    StpRunner.Result urgent = idam("event", "leaver", "--policy", policy.toString(), "--employee-number", "C4",
        "--audit-log", audit.toString());
    assertThat(urgent.exitCode()).as(urgent.err()).isZero();
    assertThat(user("cli.person4").path("enabled").asBoolean()).isFalse();
    assertThat(user("cli.person5").path("enabled").asBoolean()).isTrue();
  }
}

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

  @Test
  void aReviewedPlanIsApprovedThenAppliedExactlyOrRefusedWhenItDrifted() throws Exception {
    Path key = folder.resolve("approver.jwk");
    StpRunner.Result made = StpRunner.stp("", "idam", "approver-key", "--out", key.toString(), "--name", "Sam Jones");
    assertThat(made.exitCode()).as(made.err()).isZero();
    String approvers = made.out().substring(made.out().indexOf("approvers:"));
    Path reviewedPolicy = Files.writeString(folder.resolve("reviewed-policy.yaml"), """
        managedBy: cli-reviewed
        thresholds:
          leavers: {count: 1}
        %s
        rules:
          - name: Everyone
            groups: [/staff]
        """.formatted(approvers.strip()));
    Path audit = folder.resolve("reviewed-audit.jsonl");
    StpRunner.Result declare = StpRunner.stp("", "idam", "declare-attributes", "--policy", reviewedPolicy.toString(),
        "--server", keycloak.baseUrl(), "--realm", REALM, "--admin-user", KeycloakServer.ADMIN,
        "--admin-password-file", adminPassword.toString());
    assertThat(declare.exitCode()).as(declare.err()).isZero();
    Path three = Files.writeString(folder.resolve("three.csv"), "employeeNumber,userName,givenName,familyName\n"
        + "R1,cli.r1,Ree,One\nR2,cli.r2,Ree,Two\nR3,cli.r3,Ree,Three\n");
    Path plan = folder.resolve("plan.json");

    StpRunner.Result planned = idam("plan", "--feed", three.toString(), "--policy", reviewedPolicy.toString(),
        "--out", plan.toString());
    assertThat(planned.exitCode()).as(planned.err()).isEqualTo(3);
    assertThat(planned.out()).contains("Written for review to " + plan);
    StpRunner.Result applied = idam("apply", "--plan", plan.toString(), "--feed", three.toString(), "--policy",
        reviewedPolicy.toString(), "--audit-log", audit.toString());
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("Applied 3 changes for 3 people");

    Path one = Files.writeString(folder.resolve("one.csv"), "employeeNumber,userName,givenName,familyName\n"
        + "R1,cli.r1,Ree,One\n");
    assertThat(idam("plan", "--feed", one.toString(), "--policy", reviewedPolicy.toString(), "--out",
        plan.toString()).exitCode()).isEqualTo(3);
    StpRunner.Result unapproved = idam("apply", "--plan", plan.toString(), "--feed", one.toString(), "--policy",
        reviewedPolicy.toString(), "--audit-log", audit.toString());
    assertThat(unapproved.exitCode()).isEqualTo(4);
    assertThat(unapproved.err()).contains("has no approval", "2 leavers of 3");

    StpRunner.Result drifted = idam("apply", "--plan", plan.toString(), "--feed", three.toString(), "--policy",
        reviewedPolicy.toString(), "--audit-log", audit.toString());
    assertThat(drifted.exitCode()).isEqualTo(4);
    assertThat(drifted.err()).contains("the HR feed has changed", "nothing changed").doesNotContain("Exception");

    StpRunner.Result approve = StpRunner.stp("", "idam", "approve", plan.toString(), "--key", key.toString(),
        "--policy", reviewedPolicy.toString());
    assertThat(approve.exitCode()).as(approve.err()).isZero();
    assertThat(approve.out()).contains("as Sam Jones", "2 leavers of 3");
    StpRunner.Result approved = idam("apply", "--plan", plan.toString(), "--feed", one.toString(), "--policy",
        reviewedPolicy.toString(), "--audit-log", audit.toString());
    assertThat(approved.exitCode()).as(approved.err()).isZero();
    assertThat(user("cli.r3").path("enabled").asBoolean()).isFalse();
    assertThat(Files.readAllLines(audit)).filteredOn(line -> line.contains("\"run-started\""))
        .last().asString().contains("\"authority\":\"approved\"", "\"approver\":\"Sam Jones\"");

    StpRunner.Result csv = idam("report", "--policy", reviewedPolicy.toString(), "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out()).contains("R1,cli.r1,Ree One,,active,true,group:/staff,rule,Everyone,,\r\n",
        "R3,cli.r3,Ree Three,,leaver,false,,,,,\r\n");
    Path html = folder.resolve("access-review.html");
    StpRunner.Result page = idam("report", "--policy", reviewedPolicy.toString(), "--out", html.toString());
    assertThat(page.exitCode()).as(page.err()).isZero();
    assertThat(page.err()).contains("Access review of 3 people written to " + html);
    assertThat(Files.readString(html)).contains("Access review for", "cli.r1", "govuk-table");
  }
}

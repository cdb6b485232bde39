package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stp idam}: check offline, and every way plan, apply and event stop before changing
 * anything, with their exit codes. Keycloak itself is covered by idam-client's integration tests.
 */
class IdamCommandTest {
  private static final String HEADER = "employeeNumber,userName,givenName,familyName,email,department,title,startDate";

  /**
   * An environment variable that is set, to stand for a client secret: a test cannot set its own
   * JVM's environment, and the commands take secrets from nowhere else. Nothing reaches a server.
   */
  private static final String SOME_SET_VARIABLE = "PATH";

  @TempDir Path folder;
  private Path feed;
  private Path policy;

  @BeforeEach
  void writeAGoodFeedAndPolicy() throws Exception {
    feed = write("staff.csv",
        HEADER,
        "E1001,ada.lovelace,Ada,Lovelace,ada.lovelace@example.gov.uk,Visas,Caseworker,2024-01-08",
        "E1002,grace.hopper,Grace,Hopper,grace.hopper@example.gov.uk,Finance,Analyst,2023-05-02");
    policy = write("access-policy.yaml",
        "managedBy: stp-idam",
        "username: \"{userName}\"",
        "attributes: [department, title, startDate]",
        "thresholds:",
        "  leavers: {count: 25, percent: 5}",
        "rules:",
        "  - name: Everyone",
        "    realmRoles: [staff]",
        "  - name: Visas caseworkers",
        "    when:",
        "      department: Visas",
        "      title: {startsWith: Caseworker}",
        "    groups: [/caseworking/visas]",
        "    clientRoles: {case-service: [decide]}");
  }

  @Test
  void checkCountsTheValidRecordsAndRulesAndExitsZero() {
    StpRunner.Result result = stp("idam", "check", "--feed", feed.toString(), "--policy", policy.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(feed + ": 2 valid records", "policy OK: 2 rules");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void checkListsEveryBadRowWithItsLineAndExitsOne() throws Exception {
    Path bad = write("bad-staff.csv",
        HEADER,
        "E1001,ada.lovelace,Ada,Lovelace,ada.lovelace@example.gov.uk,Visas,Caseworker,2024-01-08",
        "E1002,grace.hopper,Grace,Hopper,not-an-email,Finance,Analyst,2023-05-02",
        "E1003,alan.turing,,Turing,alan.turing@example.gov.uk,Finance,Analyst,2023-13-01");

    StpRunner.Result result = stp("idam", "check", "--feed", bad.toString(), "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(
        bad + ":3: email: email is not an address like name@example.org",
        bad + ":4: givenName: givenName is required",
        bad + ":4: startDate: startDate '2023-13-01' is not a date as yyyy-mm-dd",
        bad + ": 1 valid record, 3 problems; 2 people held unchanged",
        "policy OK: 2 rules");
  }

  @Test
  void checkListsThePolicyProblemsWithTheirLinesAndExitsOne() throws Exception {
    Path invalid = write("invalid-policy.yaml",
        "rules:",
        "  - name: Everyone",
        "    realmRoles: [staff]",
        "    colour: blue");

    StpRunner.Result result = stp("idam", "check", "--feed", feed.toString(), "--policy", invalid.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(feed + ": 2 valid records",
        invalid + ":4:5: rules[0].colour: unknown key 'colour'", invalid + ": 1 problem");
    assertThat(result.out()).doesNotContain("policy OK");
  }

  @Test
  void checkExitsTwoForAMissingFileAndStillChecksTheOther() {
    Path missing = folder.resolve("missing.csv");

    StpRunner.Result result = stp("idam", "check", "--feed", missing.toString(), "--policy", policy.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("stp idam check: HR feed " + missing + " does not exist");
    assertThat(result.out()).contains("policy OK: 2 rules");
    assertNoStackTrace(result);
  }

  @Test
  void planExitsTwoNamingTheUnsetSecretVariable() {
    StpRunner.Result result = stp("idam", "plan", "--feed", feed.toString(), "--policy", policy.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--client-secret-env", "STP_TEST_UNSET_SECRET");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("stp idam plan: the client secret is read from the environment variable"
        + " STP_TEST_UNSET_SECRET, which is not set");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void planExitsTwoWithoutAServer() {
    StpRunner.Result result = stp("idam", "plan", "--feed", feed.toString(), "--policy", policy.toString(),
        "--server", "", "--realm", "caseworking", "--client-secret-env", SOME_SET_VARIABLE);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("give --server, or set the environment variable STP_KEYCLOAK_URL");
  }

  @Test
  void planPrintsTheFeedProblemsThenReportsAnUnreachableKeycloakInOneLineAndExitsTwo() throws Exception {
    assumeTrue(System.getenv(SOME_SET_VARIABLE) != null, "needs " + SOME_SET_VARIABLE + " set");
    Path withABadRow = write("bad-staff.csv",
        HEADER,
        "E1001,ada.lovelace,Ada,Lovelace,ada.lovelace@example.gov.uk,Visas,Caseworker,2024-01-08",
        "E1002,grace.hopper,Grace,Hopper,not-an-email,Finance,Analyst,2023-05-02");

    // Nothing listens on port 1: every attempt is refused, and the reconciler gives up after its retries.
    StpRunner.Result result = stp("idam", "plan", "--feed", withABadRow.toString(), "--policy", policy.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--client-secret-env", SOME_SET_VARIABLE);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).containsExactly(
        withABadRow + ":3: email: email is not an address like name@example.org",
        withABadRow + ": 1 valid record, 1 problem; 1 person held unchanged",
        "stp idam plan: read the user profile: Keycloak did not answer after 6 attempts: ConnectException:"
            + " Connection refused");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void planChecksTheConcurrencyBeforeReadingAnything() throws Exception {
    Path withABadRow = write("bad-staff.csv", HEADER, "E1002,grace.hopper,Grace,Hopper,not-an-email,Finance,,");

    StpRunner.Result result = stp("idam", "plan", "--feed", withABadRow.toString(), "--policy", policy.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--client-secret-env", SOME_SET_VARIABLE,
        "--concurrency", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo("stp idam plan: --concurrency must be 1 to 64, not 0");
  }

  @Test
  void planExitsTwoForAnInvalidPolicy() throws Exception {
    Path invalid = write("invalid-policy.yaml", "rules: nope");

    StpRunner.Result result = stp("idam", "plan", "--feed", feed.toString(), "--policy", invalid.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--client-secret-env", SOME_SET_VARIABLE);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("stp idam plan: 1 problem in the access policy:", invalid + ":1:");
    assertNoStackTrace(result);
  }

  @Test
  void aLeaverGivenAsAPersonNeedsTheNamesButByEmployeeNumberAloneGoesToKeycloak() {
    StpRunner.Result partial = stp("idam", "event", "leaver", "--policy", policy.toString(),
        "--employee-number", "E1001", "--department", "Visas");
    assertThat(partial.exitCode()).isEqualTo(2);
    assertThat(partial.err()).contains("stp idam event: a leaver given as a person needs --given-name and"
        + " --family-name");

    StpRunner.Result byNumber = stp("idam", "event", "leaver", "--policy", policy.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--client-secret-env", SOME_SET_VARIABLE,
        "--employee-number", "E1001");
    assertThat(byNumber.exitCode()).isEqualTo(2);
    assertThat(byNumber.err()).contains("Keycloak did not answer").doesNotContain("given-name");
    assertNoStackTrace(byNumber);
  }

  @Test
  void eventChecksThePersonAsAFeedRowIsCheckedNamingTheOptions() {
    StpRunner.Result result = stp("idam", "event", "joiner", "--policy", policy.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--client-secret-env", SOME_SET_VARIABLE,
        "--employee-number", "E 1004", "--given-name", "Alan", "--family-name", "Turing", "--email", "alan",
        "--start-date", "2024-02-30");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("stp idam event: the options have problems:",
        "--employee-number: employeeNumber 'E 1004' is not 1 to 64 letters",
        "--email: email is not an address like name@example.org",
        "--start-date: startDate '2024-02-30' is not a date as yyyy-mm-dd");
  }

  @Test
  void eventChecksARecordFileWithItsLines() throws Exception {
    Path record = write("joiner.json",
        "{",
        "  \"userName\": \"alan.turing\",",
        "  \"name\": {\"givenName\": \"Alan\"},",
        "  \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\": {\"employeeNumber\": \"E1004\"}",
        "}");

    StpRunner.Result result = stp("idam", "event", "joiner", "--policy", policy.toString(), "--record",
        record.toString(), "--server", "http://127.0.0.1:1", "--realm", "caseworking",
        "--client-secret-env", SOME_SET_VARIABLE);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(record + " has problems:", record + ":1: familyName: familyName is required");
  }

  @Test
  void eventTakesTheRecordOrTheOptionsNotBoth() throws Exception {
    Path record = write("joiner.json", "{}");

    StpRunner.Result result = stp("idam", "event", "mover", "--policy", policy.toString(), "--record",
        record.toString(), "--title", "Senior Caseworker");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("give the person as --record or as options, not both");
  }

  @Test
  void eventRefusesAnUnknownKind() {
    StpRunner.Result result = stp("idam", "event", "sacked", "--policy", policy.toString(),
        "--employee-number", "E1001");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'sacked' is not joiner, mover or leaver");
  }

  @Test
  void declareAttributesExitsTwoNamingTheUnsetPasswordVariable() {
    StpRunner.Result result = stp("idam", "declare-attributes", "--policy", policy.toString(),
        "--server", "http://127.0.0.1:1", "--realm", "caseworking", "--admin-user", "admin",
        "--admin-password-env", "STP_TEST_UNSET_PASSWORD");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("the administrator's password is read from the environment variable"
        + " STP_TEST_UNSET_PASSWORD, which is not set");
  }

  @Test
  void anApproverKeyIsMadeForThePolicyAndNeverOverwritten() throws Exception {
    Path key = folder.resolve("approver.jwk");
    StpRunner.Result made = stp("idam", "approver-key", "--out", key.toString(), "--name", "Sam Jones");

    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(made.out()).contains("approvers:", "- name: Sam Jones", "\"kty\":\"EC\"").doesNotContain("\"d\":");
    assertThat(java.nio.file.Files.readString(key)).contains("\"d\":");
    assertThat(java.nio.file.Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    StpRunner.Result again = stp("idam", "approver-key", "--out", key.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists already");
  }

  @Test
  void approveRefusesAPlanFileChangedByHandOrAKeyThePolicyDoesNotName() throws Exception {
    Path key = folder.resolve("approver.jwk");
    assertThat(stp("idam", "approver-key", "--out", key.toString()).exitCode()).isZero();
    Path notAPlan = write("plan.json", "{\"day\": \"2026-11-22\"}");

    StpRunner.Result refused = stp("idam", "approve", notAPlan.toString(), "--key", key.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("is not a plan written by stp idam plan --out").doesNotContain("Exception");

    StpRunner.Result noKey = stp("idam", "approve", notAPlan.toString(), "--key", folder.resolve("none.jwk").toString());
    assertThat(noKey.exitCode()).isEqualTo(2);
  }

  @Test
  void helpListsTheSubcommandsAndTheExitCodes() {
    StpRunner.Result top = stp("--help");
    assertThat(top.out()).contains("idam");

    StpRunner.Result idam = stp("idam", "--help");
    assertThat(idam.exitCode()).isZero();
    assertThat(idam.out()).contains("check", "plan", "approve", "approver-key", "apply", "event", "declare-attributes",
        "3   plan and --dry-run: there are changes to apply");

    StpRunner.Result plan = stp("idam", "plan", "--help");
    assertThat(plan.out()).contains("--feed", "--policy", "--json", "--server", "--realm", "--client-id",
        "--client-secret-env", "STP_IDAM_CLIENT_SECRET", "3   the plan has changes");
    assertThat(plan.out()).doesNotContain("--client-secret=");

    StpRunner.Result apply = stp("idam", "apply", "--help");
    assertThat(apply.out()).contains("--allow-mass-change", "--audit-log", "stp-idam-audit.jsonl", "--concurrency",
        "4   refused, nothing changed");

    StpRunner.Result event = stp("idam", "event", "--help");
    assertThat(event.out()).contains("joiner|mover|leaver", "--employee-number", "--record", "--dry-run",
        "--given-name", "--end-date");
  }

  private Path write(String name, String... lines) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static StpRunner.Result stp(String... args) {
    return StpRunner.stp("", args);
  }

  private static void assertNoStackTrace(StpRunner.Result result) {
    assertThat(result.err()).doesNotContain("\tat ", "Caused by:");
  }
}

package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.definition.Problem;
import org.stpkit.idam.AttributeMatch.Operator;

/**
 * The policy file format: what a good file gives, the defaults, every problem a bad file can have
 * (with where it is), and what a policy then does with staff records.
 */
class AccessPolicyTest {
  private static final String SOURCE = "test.yaml";

  @Nested
  class ExampleFile {
    private final AccessPolicy policy = AccessPolicy.load(example());

    @Test
    void readsEverySetting() {
      assertThat(policy.managedBy()).isEqualTo("stp-idam");
      assertThat(policy.usernameTemplate()).isEqualTo("{givenName}.{familyName}");
      assertThat(policy.emailTemplate()).isEqualTo("{givenName}.{familyName}@example.gov.uk");
      assertThat(policy.attributes()).containsExactly("employeeNumber", "department", "costCenter", "title", "jobCode",
          "location", "manager", "startDate", "endDate");
      assertThat(policy.requiredActions()).containsExactly("UPDATE_PASSWORD", "CONFIGURE_TOTP");
      assertThat(policy.sendActionsEmail()).isTrue();
      assertThat(policy.preHires()).isEqualTo(AccessPolicy.PreHires.WAIT_UNTIL_START);
      assertThat(policy.leaversLoseAccess()).isFalse();
      assertThat(policy.deleteLeaversAfter()).contains(Period.ofDays(90));
      assertThat(policy.leaverThreshold()).isEqualTo(new Threshold(25, 5));
      assertThat(policy.deletionThreshold()).isEqualTo(new Threshold(10, 100));
      assertThat(policy.removalThreshold()).isEqualTo(new Threshold(Integer.MAX_VALUE, 12.5));
    }

    @Test
    void readsEveryRuleWithItsTestsAndGrants() {
      assertThat(policy.rules()).extracting(AccessRule::name)
          .containsExactly("Everyone", "Visas caseworkers", "Visas leads", "Contractors without a manager");

      AccessRule everyone = policy.rules().get(0);
      assertThat(everyone.when()).isEmpty();
      assertThat(everyone.grants()).isEqualTo(Grants.of(Grant.realmRole("staff")));

      AccessRule caseworkers = policy.rules().get(1);
      assertThat(caseworkers.when()).containsExactly(
          AttributeMatch.equalTo("department", "Visas"),
          AttributeMatch.startsWith("title", "Caseworker"),
          AttributeMatch.equalTo("jobCode", "CW1", "CW2"),
          new AttributeMatch("location", Operator.MATCHES, List.of("Croydon|Sheffield")),
          new AttributeMatch("manager", Operator.PRESENT, List.of()));
      assertThat(caseworkers.grants()).isEqualTo(Grants.of(Grant.group("/caseworking/visas"),
          Grant.realmRole("caseworker"), Grant.clientRole("case-service", "decide")));

      AccessRule leads = policy.rules().get(2);
      assertThat(leads.when()).containsExactly(
          AttributeMatch.equalTo("department", "Visas"),
          AttributeMatch.startsWith("title", "Senior Caseworker", "Team Leader"));
      assertThat(leads.grants().keys()).containsExactly("client-role:case-service/allocate",
          "client-role:case-service/decide", "client-role:reports/view", "group:/caseworking/leads",
          "group:/caseworking/visas");

      AccessRule contractors = policy.rules().get(3);
      // 4400 is a YAML number; it is compared as the text it is written as.
      assertThat(contractors.when()).containsExactly(
          new AttributeMatch("manager", Operator.ABSENT, List.of()),
          AttributeMatch.equalTo("costCenter", "4400"));
      assertThat(contractors.grants()).isEqualTo(Grants.of(Grant.group("/contractors")));
    }

    @Test
    void givesEachPersonTheUnionOfTheRulesTheyPass() {
      StaffRecord caseworker = person("E1").department("visas ").title("Caseworker (Grade 4)")
          .attribute("jobCode", "cw2").attribute("location", "SHEFFIELD").attribute("manager", "E9").build();
      assertThat(policy.grantsFor(caseworker).keys()).containsExactly("client-role:case-service/decide",
          "group:/caseworking/visas", "realm-role:caseworker", "realm-role:staff");

      StaffRecord lead = person("E2").department("Visas").title("Team Leader").attribute("jobCode", "TL1")
          .attribute("location", "Croydon").attribute("manager", "E9").build();
      assertThat(policy.grantsFor(lead).keys()).containsExactly("client-role:case-service/allocate",
          "client-role:case-service/decide", "client-role:reports/view", "group:/caseworking/leads",
          "group:/caseworking/visas", "realm-role:staff");

      StaffRecord inWrongOffice = caseworker.toBuilder().attribute("location", "Croydon North").build();
      assertThat(policy.grantsFor(inWrongOffice).keys()).containsExactly("realm-role:staff");

      StaffRecord contractor = person("E3").attribute("costCenter", "4400").build();
      assertThat(policy.grantsFor(contractor).keys()).containsExactly("group:/contractors", "realm-role:staff");
    }

    @Test
    void makesUsernamesAndDerivedEmailsFromTheTemplates() {
      StaffRecord record = person("E1").givenName("Siân").familyName("O'Neill").build();

      assertThat(policy.usernameFor(record)).contains("sian.oneill");
      assertThat(policy.emailFor(record)).contains("sian.oneill@example.gov.uk");
    }
  }

  @Nested
  class Defaults {
    @Test
    void aPolicyWithOnlyRulesHasTheBuildersDefaults() {
      AccessPolicy policy = AccessPolicy.parse("rules: []\n", SOURCE);
      AccessPolicy defaults = AccessPolicy.builder().build();

      assertThat(policy.managedBy()).isEqualTo("stp-idam");
      assertThat(policy.usernameTemplate()).isEqualTo("{userName}");
      assertThat(policy.emailTemplate()).isEqualTo("{email}");
      assertThat(policy.attributes()).isEqualTo(defaults.attributes()).startsWith("employeeNumber");
      assertThat(policy.requiredActions()).isEmpty();
      assertThat(policy.sendActionsEmail()).isFalse();
      assertThat(policy.preHires()).isEqualTo(AccessPolicy.PreHires.CREATE_DISABLED);
      assertThat(policy.leaversLoseAccess()).isTrue();
      assertThat(policy.deleteLeaversAfter()).isEmpty();
      assertThat(policy.leaverThreshold()).isEqualTo(Threshold.NONE);
      assertThat(policy.deletionThreshold()).isEqualTo(Threshold.NONE);
      assertThat(policy.removalThreshold()).isEqualTo(Threshold.NONE);
      assertThat(policy.rules()).isEmpty();
    }

    @Test
    void emptySectionsAndNeverKeepTheDefaults() {
      AccessPolicy policy = AccessPolicy.parse("""
          joiners: {}
          leavers: {deleteAfter: never}
          thresholds: {}
          rules: []
          """, SOURCE);

      assertThat(policy.deleteLeaversAfter()).isEmpty();
      assertThat(policy.leaversLoseAccess()).isTrue();
      assertThat(policy.requiredActions()).isEmpty();
      assertThat(policy.leaverThreshold()).isEqualTo(Threshold.NONE);
    }

    @Test
    void aThresholdWithOnlyAPercentHasNoCountLimitAndTheOtherWayRound() {
      AccessPolicy policy = AccessPolicy.parse("""
          thresholds:
            leavers: {percent: 0}
            deletions: {count: 0}
          rules: []
          """, SOURCE);

      assertThat(policy.leaverThreshold()).isEqualTo(new Threshold(Integer.MAX_VALUE, 0));
      assertThat(policy.deletionThreshold()).isEqualTo(new Threshold(0, 100));
      assertThat(policy.removalThreshold()).isEqualTo(Threshold.NONE);
    }

    @Test
    void aRuleWithoutWhenAppliesToEveryone() {
      AccessPolicy policy = AccessPolicy.parse("""
          rules:
            - name: Everyone
              groups: [/staff]
          """, SOURCE);

      assertThat(policy.grantsFor(person("E1").build()).keys()).containsExactly("group:/staff");
    }

    @Test
    void quotedYamlBooleansAndNumbersAreText() {
      AccessPolicy policy = AccessPolicy.parse("""
          rules:
            - name: Norway office
              when:
                location: "NO"
                jobCode: 007
              realmRoles: [norway]
          """, SOURCE);

      assertThat(policy.rules().get(0).when()).containsExactly(
          AttributeMatch.equalTo("location", "NO"), AttributeMatch.equalTo("jobCode", "007"));
    }
  }

  @Nested
  class Problems {
    @Test
    void unknownKeysAtTheTop() {
      assertOnlyProblem("""
          managedby: stp-idam
          rules: []
          """, 1, 1, "managedby", "unknown key 'managedby'; expected one of managedBy, username, email, attributes, "
          + "joiners, leavers, thresholds, approvers, rules");
    }

    @Test
    void unknownKeysInEachSection() {
      List<Problem> problems = problemsIn("""
          joiners: {requiredAction: [UPDATE_PASSWORD]}
          leavers: {deleteAfterDays: 30}
          thresholds:
            leaver: {count: 1}
            removals: {count: 1, max: 2}
          rules:
            - name: A
              group: [/a]
              realmRoles: [a]
              when:
                title: {startWith: Caseworker}
                dept: Visas
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path)
          .containsExactly(
              tuple(1, 11, "joiners.requiredAction"),
              tuple(2, 11, "leavers.deleteAfterDays"),
              tuple(4, 3, "thresholds.leaver"),
              tuple(5, 24, "thresholds.removals.max"),
              tuple(8, 5, "rules[0].group"),
              tuple(11, 15, "rules[0].when.title.startWith"),
              tuple(12, 7, "rules[0].when.dept"));
      assertThat(problems.get(0).message())
          .isEqualTo("unknown key 'requiredAction'; expected one of requiredActions, sendActionsEmail, preHires");
      assertThat(problems.get(5).message())
          .isEqualTo("unknown key 'startWith'; expected one of startsWith, oneOf, matches, present");
      assertThat(problems.get(6).message()).startsWith("unknown key 'dept'; expected one of the HR attributes employeeNumber, ");
    }

    @Test
    void valuesOfTheWrongType() {
      List<Problem> problems = problemsIn("""
          managedBy: [stp]
          joiners:
            sendActionsEmail: "yes please"
            requiredActions: UPDATE_PASSWORD
          leavers: true
          thresholds:
            leavers: 5
            deletions: {count: many}
          rules:
            - Visas
            - name: A
              groups: /a
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(1, 12, "managedBy", "expected text, found a list"),
              tuple(3, 21, "joiners.sendActionsEmail", "expected true or false, found text 'yes please'"),
              tuple(4, 20, "joiners.requiredActions", "expected a list of text, found text 'UPDATE_PASSWORD'"),
              tuple(5, 10, "leavers", "expected a mapping, found true"),
              tuple(7, 12, "thresholds.leavers", "expected a mapping, found the number 5"),
              tuple(8, 22, "thresholds.deletions.count", "expected a whole number from 0 to 2147483647, found text 'many'"),
              tuple(10, 5, "rules[0]", "expected a mapping, found text 'Visas'"),
              tuple(12, 13, "rules[1].groups", "expected a list of text, found text '/a'"));
    }

    @Test
    void anEmptyValueIsReportedAtItsKey() {
      assertOnlyProblem("""
          managedBy: stp-idam
          rules:
          """, 2, 1, "rules", "expected a list, found nothing");
    }

    @Test
    void yamlBooleansWhereTextIsExpectedGetAHint() {
      assertOnlyProblem("""
          rules:
            - name: Norway
              when: {location: NO}
              groups: [/no]
          """, 3, 22, "rules[0].when.location",
          "expected text, or a mapping with one of startsWith, oneOf, matches, present; found 'NO', which YAML reads "
              + "as false (put it in quotes if you mean the text)");
    }

    @Test
    void missingRules() {
      assertOnlyProblem("managedBy: stp-idam\n", 1, 1, "rules", "missing required key 'rules'");
    }

    @Test
    void anEmptyFileOrOneThatIsNotAMapping() {
      assertOnlyProblem("", 1, 1, "", "the file has no policy in it; it needs at least 'rules:'");
      assertOnlyProblem("# nothing yet\n", 1, 1, "", "the file has no policy in it");
      assertOnlyProblem("- name: A\n", 1, 1, "", "expected a mapping of policy keys (managedBy, username, email, "
          + "attributes, joiners, leavers, thresholds, approvers, rules) at the top of the file, found a list");
      assertOnlyProblem("just text\n", 1, 1, "", "found text 'just text'");
    }

    @Test
    void yamlSyntaxErrorsWithWhereTheyAre() {
      Problem unclosed = onlyProblemIn("""
          rules: []
          managedBy: [stp
          email: "{email}"
          """);
      assertThat(unclosed.line()).isEqualTo(3);
      assertThat(unclosed.column()).isEqualTo(6);
      assertThat(unclosed.path()).isEmpty();
      assertThat(unclosed.message()).isEqualTo(
          "not valid YAML: expected ',' or ']', but got : (while parsing a flow sequence at line 2, column 12)");

      Problem colon = onlyProblemIn("rules: []\nemail: x: y\n");
      assertThat(colon).extracting(Problem::line, Problem::column).containsExactly(2, 9);
      assertThat(colon.message()).isEqualTo("not valid YAML: mapping values are not allowed here");

      // Jackson's own location here is the end of the last good token (2:10), not the tab.
      Problem tab = onlyProblemIn("rules: []\nmanagedBy:\t\tstp\n");
      assertThat(tab).extracting(Problem::line, Problem::column).containsExactly(2, 11);
      assertThat(tab.message()).startsWith("not valid YAML: found character '\\t(TAB)' that cannot start any token");
    }

    @Test
    void aKeyGivenTwice() {
      assertOnlyProblem("""
          rules: []
          managedBy: a
          managedBy: b
          """, 3, 1, "managedBy", "the key 'managedBy' is given twice; the first is at line 2");
    }

    @Test
    void aliasesAndSecondDocuments() {
      List<Problem> problems = problemsIn("""
          managedBy: &owner stp-idam
          rules:
            - name: *owner
              groups: [/a]
          ---
          rules: []
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::message)
          .containsExactly(
              tuple(3, 11, "aliases such as *owner are not supported; write the value out"),
              tuple(6, 1, "the file holds one YAML document; remove the '---' before this second one"));
    }

    @Test
    void badTemplates() {
      List<Problem> problems = problemsIn("""
          username: "{firstName}.{familyName}"
          email: "{givenName}.{family-name}@example.gov.uk"
          rules: []
          """);
      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path)
          .containsExactly(tuple(1, 11, "username"), tuple(2, 8, "email"));
      assertThat(problems.get(0).message()).startsWith("unknown HR attribute {firstName} in the template; known: "
          + "employeeNumber, userName, givenName");
      assertThat(problems.get(1).message()).isEqualTo(
          "braces only go round an HR attribute name, such as {givenName}: {givenName}.{family-name}@example.gov.uk");

      // The builder's own check, reported at the value.
      assertOnlyProblem("username: admin\nrules: []\n", 1, 11, "username", "username template names no HR attribute: admin");
    }

    @Test
    void builderRefusalsAreReportedAtTheValue() {
      List<Problem> problems = problemsIn("""
          managedBy: stp idam
          leavers:
            deleteAfter: P-30D
          rules: []
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(1, 12, "managedBy", "managedBy must be 1 to 64 letters, digits, '.', '_' or '-': stp idam"),
              tuple(3, 16, "leavers.deleteAfter", "deleteLeaversAfter must not be negative"));
    }

    @Test
    void unknownAttributesActionsAndChoices() {
      List<Problem> problems = problemsIn("""
          attributes: [department, grade]
          joiners:
            requiredActions: [UPDATE_PASSWORD, SEND_SMS]
            preHires: later
          leavers:
            deleteAfter: 90 days
          rules: []
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(1, 26, "attributes[1]", "unknown HR attribute 'grade'; expected one of "
                  + String.join(", ", StaffRecord.ATTRIBUTES)),
              tuple(3, 38, "joiners.requiredActions[1]", "unknown required action 'SEND_SMS'; expected one of "
                  + "CONFIGURE_TOTP, UPDATE_PASSWORD, UPDATE_PROFILE, VERIFY_EMAIL, webauthn-register"),
              tuple(4, 13, "joiners.preHires", "expected create-disabled or wait-until-start, found text 'later'"),
              tuple(6, 16, "leavers.deleteAfter",
                  "expected an ISO-8601 period such as P90D, P6M or P1Y, or never; found text '90 days'"));
    }

    @Test
    void thresholdsOutOfRange() {
      List<Problem> problems = problemsIn("""
          thresholds:
            leavers: {count: -1, percent: 150}
            deletions: {count: 2.5, percent: .nan}
            removals: {}
          rules: []
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(2, 20, "thresholds.leavers.count", "expected a whole number from 0 to 2147483647, found the number -1"),
              tuple(2, 33, "thresholds.leavers.percent", "expected a percentage from 0 to 100, found the number 150"),
              tuple(3, 22, "thresholds.deletions.count", "expected a whole number from 0 to 2147483647, found the number 2.5"),
              tuple(3, 36, "thresholds.deletions.percent", "expected a percentage from 0 to 100, found the number .nan"),
              tuple(4, 13, "thresholds.removals", "give a count, a percent or both"));
    }

    @Test
    void rulesWithoutANameWithTheSameNameOrGrantingNothing() {
      List<Problem> problems = problemsIn("""
          rules:
            - groups: [/a]
            - name: Visas
              groups: [/visas]
            - name: Visas
              realmRoles: [visas]
            - name: " "
              groups: [/b]
            - name: Nothing
              when: {department: Visas}
              groups: []
              clientRoles: {case-service: []}
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(2, 5, "rules[0].name", "missing required key 'name'"),
              tuple(5, 11, "rules[2].name", "the name 'Visas' is already used by rules[1] at line 3"),
              tuple(7, 11, "rules[3].name", "a rule needs a name"),
              tuple(9, 5, "rules[4]", "the rule 'Nothing' grants nothing; give it groups, realmRoles or clientRoles"));
    }

    @Test
    void badGrants() {
      List<Problem> problems = problemsIn("""
          rules:
            - name: A
              groups: [caseworking/visas, /ok, 42, [/nested]]
              realmRoles: [""]
              clientRoles: {case-service: decide}
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(3, 14, "rules[0].groups[0]", "a group is named by its path, starting with '/': caseworking/visas"),
              tuple(3, 38, "rules[0].groups[2]", "a group is named by its path, starting with '/': 42"),
              tuple(3, 42, "rules[0].groups[3]", "expected text, found a list"),
              tuple(4, 18, "rules[0].realmRoles[0]", "a grant needs a name"),
              tuple(5, 33, "rules[0].clientRoles.case-service", "expected a list of text, found text 'decide'"));
    }

    @Test
    void badAttributeTests() {
      List<Problem> problems = problemsIn("""
          rules:
            - name: A
              groups: [/a]
              when:
                department: [Visas, Passports]
                title: {startsWith: Caseworker, oneOf: [Lead]}
                jobCode: {}
                location: {matches: "Croydon(North"}
                manager: {present: maybe}
                costCenter: {oneOf: []}
                division: {oneOf: Borders}
                organization: ""
                userName: {startsWith: [a, " "]}
          """);

      assertThat(problems).extracting(Problem::line, Problem::column, Problem::path,
          Problem::message).containsExactly(
              tuple(5, 19, "rules[0].when.department", "expected text, or a mapping with one of startsWith, oneOf, "
                  + "matches, present; found a list (for any of several values, write {oneOf: [...]})"),
              tuple(6, 14, "rules[0].when.title", "give exactly one of startsWith, oneOf, matches, present, "
                  + "not startsWith and oneOf"),
              tuple(7, 16, "rules[0].when.jobCode", "give one of startsWith, oneOf, matches, present"),
              tuple(8, 27, "rules[0].when.location.matches",
                  "not a valid regular expression: Unclosed group near character 14"),
              tuple(9, 26, "rules[0].when.manager.present", "expected true or false, found text 'maybe'"),
              tuple(10, 27, "rules[0].when.costCenter.oneOf", "give at least one value"),
              tuple(11, 25, "rules[0].when.division.oneOf", "expected a list of text, found text 'Borders'"),
              tuple(12, 21, "rules[0].when.organization",
                  "a blank value is not allowed here (for no value at all, write {present: false})"),
              tuple(13, 34, "rules[0].when.userName.startsWith[1]",
                  "a blank value is not allowed here (for no value at all, write {present: false})"));
    }

    @Test
    void oddKeysAreQuotedInPaths() {
      assertOnlyProblem("""
          rules:
            - name: A
              clientRoles: {"realm.admin": [true]}
          """, 3, 35, "rules[0].clientRoles[\"realm.admin\"][0]", "expected text, found true");
    }

    @Test
    void reportsEveryProblemTogetherInFileOrder() {
      String yaml = """
          managedBy: stp-idam
          username: "{firstName}"
          joiners:
            preHires: never
          thresholds:
            leavers: {count: 5, percent: 101}
          rules:
            - name: Visas
              when: {dept: Visas}
              groups: [visas]
            - name: Visas
          """;
      InvalidPolicyException e = rejection(yaml);

      assertThat(e.problems()).extracting(Problem::toString).containsExactly(
          "test.yaml:2:11: username: unknown HR attribute {firstName} in the template; known: "
              + String.join(", ", StaffRecord.ATTRIBUTES),
          "test.yaml:4:13: joiners.preHires: expected create-disabled or wait-until-start, found text 'never'",
          "test.yaml:6:32: thresholds.leavers.percent: expected a percentage from 0 to 100, found the number 101",
          "test.yaml:9:12: rules[0].when.dept: unknown key 'dept'; expected one of the HR attributes "
              + String.join(", ", StaffRecord.ATTRIBUTES),
          "test.yaml:10:14: rules[0].groups[0]: a group is named by its path, starting with '/': visas",
          "test.yaml:11:5: rules[1]: the rule 'Visas' grants nothing; give it groups, realmRoles or clientRoles",
          "test.yaml:11:11: rules[1].name: the name 'Visas' is already used by rules[0] at line 8");
      assertThat(e.getMessage()).isEqualTo("7 problems in the access policy:\n"
          + String.join("\n", e.problems().stream().map(Problem::toString).toList()));
    }

    @Test
    void problemsPrintAsFileLineColumnPathMessage() {
      assertThat(new Problem("policy.yaml", 3, 7, "rules[0].name", "a rule needs a name"))
          .hasToString("policy.yaml:3:7: rules[0].name: a rule needs a name");
      assertThat(new Problem("policy.yaml", 1, 1, "", "the file has no policy in it"))
          .hasToString("policy.yaml:1:1: the file has no policy in it");
      assertThat(new Problem("policy.yaml", 0, 0, "rules", "unplaced"))
          .hasToString("policy.yaml: rules: unplaced");
    }

    @Test
    void loadNamesTheFileInProblems(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("bad.yaml");
      Files.writeString(file, "rules: []\nmanagedBy: [x]\n");

      assertThatThrownBy(() -> AccessPolicy.load(file)).isInstanceOf(InvalidPolicyException.class)
          .hasMessageContaining(file + ":2:12: managedBy: expected text, found a list");
    }

    @Test
    void aMissingFileIsAnIdamExceptionNamingThePath(@TempDir Path dir) {
      Path missing = dir.resolve("no-such-policy.yaml");

      assertThatThrownBy(() -> AccessPolicy.load(missing))
          .isExactlyInstanceOf(IdamException.class)
          .hasMessageContaining(missing.toString());
    }

    private void assertOnlyProblem(String yaml, int line, int column, String path, String message) {
      Problem problem = onlyProblemIn(yaml);
      assertThat(problem.source()).isEqualTo(SOURCE);
      assertThat(problem).extracting(Problem::line, Problem::column, Problem::path)
          .containsExactly(line, column, path);
      assertThat(problem.message()).contains(message);
    }

    private Problem onlyProblemIn(String yaml) {
      List<Problem> problems = problemsIn(yaml);
      assertThat(problems).hasSize(1);
      return problems.get(0);
    }

    private List<Problem> problemsIn(String yaml) {
      return rejection(yaml).problems();
    }

    private InvalidPolicyException rejection(String yaml) {
      try {
        AccessPolicy.parse(yaml, SOURCE);
      } catch (InvalidPolicyException e) {
        return e;
      }
      throw new AssertionError("Expected the policy to be rejected:\n" + yaml);
    }
  }

  @Nested
  class UsernamesAndEmails {
    private final AccessPolicy byName = AccessPolicy.builder()
        .usernameTemplate("{givenName}.{familyName}")
        .emailTemplate("{givenName}.{familyName}@example.gov.uk")
        .build();
    private final AccessPolicy byDefault = AccessPolicy.builder().build();

    @Test
    void dropsAccentsApostrophesAndCase() {
      assertThat(byName.usernameFor(named("José", "Núñez-García"))).contains("jose.nunez-garcia");
      assertThat(byName.usernameFor(named("Zoë", "D'Arcy"))).contains("zoe.darcy");
      assertThat(byName.usernameFor(named("Chloé", "Brontë"))).contains("chloe.bronte");
    }

    @Test
    void spellsLettersWithoutADecompositionAsTheirBaseLetters() {
      assertThat(byName.usernameFor(named("Søren", "Łukasiewicz"))).contains("soren.lukasiewicz");
      assertThat(byName.usernameFor(named("Æthelflæd", "Straße"))).contains("aethelflaed.strasse");
    }

    @Test
    void turnsSpacesIntoSingleDots() {
      assertThat(byName.usernameFor(named("Mary  Ann", "van der Berg"))).contains("mary.ann.van.der.berg");
      assertThat(byName.usernameFor(named("Mary", ". Smith"))).contains("mary.smith");
    }

    @Test
    void isEmptyWhenTheTemplateNamesAMissingAttribute() {
      StaffRecord withoutUserName = named("Jo", "Bloggs");

      assertThat(byDefault.usernameFor(withoutUserName)).isEmpty();
      assertThat(byDefault.emailFor(withoutUserName)).isEmpty();
      assertThat(byDefault.usernameFor(withoutUserName.toBuilder().userName("JBloggs").build())).contains("jbloggs");
    }

    @Test
    void isEmptyWhenNothingUsableIsLeft() {
      assertThat(byName.usernameFor(named("李", "小龍"))).isEmpty();
      // Not "@example.gov.uk": an address needs something before the '@'.
      assertThat(byName.emailFor(named("李", "小龍"))).isEmpty();
    }

    @Test
    void derivesEmailsFromNames() {
      assertThat(byName.emailFor(named("Siân", "O'Neill"))).contains("sian.oneill@example.gov.uk");
      assertThat(byName.emailFor(named("Mary Ann", "Smith"))).contains("mary.ann.smith@example.gov.uk");
      // A name that cleans to nothing leaves no dot before the '@'.
      assertThat(byName.emailFor(named("Bruce", "小龍"))).contains("bruce@example.gov.uk");
    }

    @Test
    void takesTheHrEmailAsItIsButInLowerCase() {
      StaffRecord record = named("Jo", "Bloggs").toBuilder().email("  Jo.O'Bloggs@Example.GOV.UK ").build();

      assertThat(byDefault.emailFor(record)).contains("jo.o'bloggs@example.gov.uk");
    }

    private StaffRecord named(String given, String family) {
      return StaffRecord.builder("E1").givenName(given).familyName(family).build();
    }
  }

  @Nested
  class AttributeMatches {
    private final StaffRecord record = person("E1").department("  Visas ").title("Senior Caseworker")
        .attribute("location", "Croydon").attribute("jobCode", "CW1").build();

    @Test
    void equalsIgnoresCaseAndSurroundingSpaces() {
      assertThat(AttributeMatch.equalTo("department", "VISAS").test(record)).isTrue();
      assertThat(AttributeMatch.equalTo("department", " visas").test(record)).isTrue();
      assertThat(AttributeMatch.equalTo("department", "Passports", "visas").test(record)).isTrue();
      assertThat(AttributeMatch.equalTo("department", "Visa").test(record)).isFalse();
      assertThat(AttributeMatch.equalTo("division", "Visas").test(record)).isFalse();
    }

    @Test
    void startsWithIgnoresCase() {
      assertThat(AttributeMatch.startsWith("title", "senior").test(record)).isTrue();
      assertThat(AttributeMatch.startsWith("title", "Caseworker", "SENIOR CASE").test(record)).isTrue();
      assertThat(AttributeMatch.startsWith("title", "Caseworker").test(record)).isFalse();
      assertThat(AttributeMatch.startsWith("manager", "E").test(record)).isFalse();
    }

    @Test
    void matchesTheWholeValueIgnoringCase() {
      assertThat(matches("location", "croydon|sheffield").test(record)).isTrue();
      assertThat(matches("location", "Croy").test(record)).isFalse();
      assertThat(matches("location", "Croy.*").test(record)).isTrue();
      assertThat(matches("manager", ".*").test(record)).isFalse();
      StaffRecord welsh = record.toBuilder().attribute("location", "YSTRAD ŴYN").build();
      assertThat(matches("location", "ystrad ŵyn").test(welsh)).isTrue();
    }

    @Test
    void presentAndAbsent() {
      assertThat(new AttributeMatch("jobCode", Operator.PRESENT, List.of()).test(record)).isTrue();
      assertThat(new AttributeMatch("manager", Operator.PRESENT, List.of()).test(record)).isFalse();
      assertThat(new AttributeMatch("manager", Operator.ABSENT, List.of()).test(record)).isTrue();
      assertThat(new AttributeMatch("jobCode", Operator.ABSENT, List.of()).test(record)).isFalse();
    }

    @Test
    void refusesTestsThatCannotWork() {
      assertThatThrownBy(() -> AttributeMatch.equalTo("grade", "7")).hasMessageContaining("Unknown HR attribute 'grade'");
      assertThatThrownBy(() -> AttributeMatch.equalTo("department")).hasMessageContaining("needs a value");
      assertThatThrownBy(() -> new AttributeMatch("manager", Operator.PRESENT, List.of("x")))
          .hasMessageContaining("takes no value");
      assertThatThrownBy(() -> new AttributeMatch("location", Operator.MATCHES, List.of("a", "b")))
          .hasMessageContaining("takes one pattern");
      assertThatThrownBy(() -> matches("location", "(")).isInstanceOf(IllegalArgumentException.class);
    }

    private AttributeMatch matches(String attribute, String pattern) {
      return new AttributeMatch(attribute, Operator.MATCHES, List.of(pattern));
    }
  }

  @Nested
  class Thresholds {
    @Test
    void aCountIsCrossedOnlyWhenExceeded() {
      Threshold threshold = new Threshold(10, 100);

      assertThat(threshold.crossedBy(10, 10)).isFalse();
      assertThat(threshold.crossedBy(11, 1000)).isTrue();
      assertThat(threshold.crossedBy(11, 0)).isTrue();
    }

    @Test
    void aPercentIsCrossedOnlyWhenExceeded() {
      Threshold threshold = new Threshold(Integer.MAX_VALUE, 5);

      assertThat(threshold.crossedBy(5, 100)).isFalse();
      assertThat(threshold.crossedBy(6, 100)).isTrue();
      assertThat(threshold.crossedBy(3, 60)).isFalse();
      assertThat(threshold.crossedBy(1, 19)).isTrue();
    }

    @Test
    void noPopulationMeansOnlyTheCountApplies() {
      assertThat(new Threshold(Integer.MAX_VALUE, 0).crossedBy(1_000_000, 0)).isFalse();
      assertThat(new Threshold(Integer.MAX_VALUE, 0).crossedBy(1, 1000)).isTrue();
      assertThat(new Threshold(0, 0).crossedBy(0, 1000)).isFalse();
    }

    @Test
    void noneIsNeverCrossed() {
      assertThat(Threshold.NONE.crossedBy(Integer.MAX_VALUE, 1)).isFalse();
      assertThat(Threshold.NONE.crossedBy(Integer.MAX_VALUE, Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void refusesNegativeAndImpossibleLimits() {
      assertThatThrownBy(() -> new Threshold(-1, 5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Threshold(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Threshold(1, 100.1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Threshold(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static StaffRecord.Builder person(String employeeNumber) {
    return StaffRecord.builder(employeeNumber).givenName("Jo").familyName("Bloggs");
  }

  private static Path example() {
    try {
      return Path.of(AccessPolicyTest.class.getResource("/policy/caseworking.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

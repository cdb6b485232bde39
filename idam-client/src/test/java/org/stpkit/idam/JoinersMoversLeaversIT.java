package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stpkit.idam.JmlFixtures.REALM;
import static org.stpkit.idam.JmlFixtures.TODAY;
import static org.stpkit.idam.JmlFixtures.feed;
import static org.stpkit.idam.JmlFixtures.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joiners, movers and leavers against a real Keycloak 26, as the tool's least-privilege service
 * account. Each test manages its own people (its own {@code managedBy}), so tests do not see each
 * other's users as leavers.
 */
class JoinersMoversLeaversIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeycloakServer keycloak;

  @TempDir
  Path folder;

  @BeforeAll
  static void start() throws Exception {
    keycloak = SharedKeycloak.jml();
    undeclareTheToolsAttributes();
    try (Reconciler undeclared = JmlFixtures.reconciler(keycloak, "setup", TODAY, Files.createTempFile("audit", ".jsonl"))) {
      assertThatThrownBy(undeclared::checkRealm).isInstanceOf(IdamException.class)
          .hasMessageContaining("does not declare").hasMessageContaining("stp-managed-by");
    }
    List<String> declared = UserProfileDeclaration.apply(JmlFixtures.realmAdministrator(keycloak), JmlFixtures.policy("setup"));
    assertThat(declared).contains("employeeNumber", "department", "stp-managed-by", "stp-granted");
    assertThat(UserProfileDeclaration.apply(JmlFixtures.realmAdministrator(keycloak), JmlFixtures.policy("setup")))
        .as("declaring again changes nothing").isEmpty();
  }

  /** The shared realm as a new one is: the tool's attributes not yet in its user profile. */
  private static void undeclareTheToolsAttributes() throws Exception {
    String path = "/" + REALM + "/users/profile";
    com.fasterxml.jackson.databind.node.ObjectNode profile =
        (com.fasterxml.jackson.databind.node.ObjectNode) keycloak.admin("GET", path, null);
    List<String> tools = UserProfileDeclaration.attributeNames(JmlFixtures.policy("setup"));
    com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
    profile.path("attributes").forEach(attribute -> {
      if (!tools.contains(attribute.path("name").asText())) {
        kept.add(attribute);
      }
    });
    profile.set("attributes", kept);
    keycloak.admin("PUT", path, JSON.writeValueAsString(profile));
  }

  private Reconciler reconciler(String managedBy, LocalDate day) {
    return JmlFixtures.reconciler(keycloak, managedBy, day, folder.resolve("audit.jsonl"));
  }

  private static JsonNode user(String username) throws Exception {
    JsonNode found = keycloak.admin("GET", "/" + REALM + "/users?exact=true&username=" + username, null);
    assertThat(found).as("user " + username).hasSize(1);
    return keycloak.admin("GET", "/" + REALM + "/users/" + found.get(0).path("id").asText(), null);
  }

  private static boolean exists(String username) throws Exception {
    return keycloak.admin("GET", "/" + REALM + "/users?exact=true&username=" + username, null).size() > 0;
  }

  private static Set<String> groups(String username) throws Exception {
    Set<String> paths = new TreeSet<>();
    keycloak.admin("GET", "/" + REALM + "/users/" + user(username).path("id").asText() + "/groups", null)
        .forEach(group -> paths.add(group.path("path").asText()));
    return paths;
  }

  private static Set<String> roles(String username) throws Exception {
    Set<String> names = new TreeSet<>();
    JsonNode mappings = keycloak.admin("GET", "/" + REALM + "/users/" + user(username).path("id").asText()
        + "/role-mappings", null);
    mappings.path("realmMappings").forEach(role -> {
      if (!role.path("name").asText().startsWith("default-roles-")) {
        names.add(role.path("name").asText());
      }
    });
    mappings.path("clientMappings").fields().forEachRemaining(client ->
        client.getValue().path("mappings").forEach(role -> names.add(client.getKey() + "/" + role.path("name").asText())));
    return names;
  }

  private List<JsonNode> audit() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("audit.jsonl"))) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private static ApplyResult planAndApply(Reconciler reconciler, HrFeed feed) {
    ApplyResult result = reconciler.apply(reconciler.plan(feed), false);
    assertThat(result.failures()).isEmpty();
    return result;
  }

  @Test
  void joinersAndPreHiresAreCreatedAndAReRunPlansNothing() throws Exception {
    StaffRecord joiner = person("J1", "jml.joiner").build();
    StaffRecord preHire = person("J2", "jml.prehire").startDate(TODAY.plusDays(10)).department("Asylum").build();
    try (Reconciler reconciler = reconciler("test-joiners", TODAY)) {
      Plan plan = reconciler.plan(feed(joiner, preHire));
      assertThat(plan.counts()).containsEntry(UserPlan.Kind.JOINER, 1).containsEntry(UserPlan.Kind.PRE_HIRE, 1);
      ApplyResult result = reconciler.apply(plan, false);
      assertThat(result.failures()).isEmpty();
      assertThat(result.changesApplied()).isEqualTo(plan.changeCount());

      JsonNode created = user("jml.joiner");
      assertThat(created.path("enabled").asBoolean()).isTrue();
      assertThat(created.path("email").asText()).isEqualTo("jml.joiner@example.gov.uk");
      assertThat(created.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
      assertThat(created.path("attributes").path("employeeNumber").get(0).asText()).isEqualTo("J1");
      assertThat(created.path("attributes").path("department").get(0).asText()).isEqualTo("Visas");
      assertThat(created.path("attributes").path("stp-managed-by").get(0).asText()).isEqualTo("test-joiners");
      assertThat(groups("jml.joiner")).containsExactly("/caseworking/visas", "/staff");
      assertThat(roles("jml.joiner")).containsExactly("caseworker");

      assertThat(user("jml.prehire").path("enabled").asBoolean()).isFalse();
      assertThat(groups("jml.prehire")).containsExactly("/caseworking/asylum", "/staff");

      Plan reRun = reconciler.plan(feed(joiner, preHire));
      assertThat(reRun.users()).as("a re-run plans nothing").isEmpty();
      assertThat(reRun.notices()).as("and has nothing to report").isEmpty();
      assertThat(reconciler.managedUsers()).extracting(ManagedUser::username)
          .containsExactlyInAnyOrder("jml.joiner", "jml.prehire");

      // Every change is in the audit log, and Keycloak's admin events show the same creations.
      List<JsonNode> changes = audit().stream().filter(line -> line.path("event").asText().equals("change")).toList();
      assertThat(changes).hasSize(plan.changeCount()).allMatch(line -> line.path("outcome").asText().equals("applied"));
      Set<String> auditedCreates = new TreeSet<>();
      changes.stream().filter(line -> line.path("change").path("type").asText().equals("create"))
          .forEach(line -> auditedCreates.add("users/" + line.path("userId").asText()));
      Set<String> keycloakCreates = new TreeSet<>();
      keycloak.admin("GET", "/" + REALM + "/admin-events?operationTypes=CREATE&resourceTypes=USER&max=1000", null)
          .forEach(event -> keycloakCreates.add(event.path("resourcePath").asText()));
      assertThat(keycloakCreates).containsAll(auditedCreates);
      assertThat(auditedCreates).hasSize(2);
    }
    try (Reconciler onStartDay = reconciler("test-joiners", TODAY.plusDays(10))) {
      Plan plan = onStartDay.plan(feed(joiner, preHire));
      assertThat(plan.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.STARTER, 1));
      planAndApply(onStartDay, feed(joiner, preHire));
      assertThat(user("jml.prehire").path("enabled").asBoolean()).isTrue();
    }
  }

  @Test
  void aJoinerIsEmailedTheLinkToTheirRequiredActionsAndAFailedEmailIsSentByTheNextRun() throws Exception {
    AccessPolicy emailing = AccessPolicy.builder().managedBy("test-email").usernameTemplate("{userName}")
        .requiredActions(List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP")).sendActionsEmail(true)
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff")))).build();
    HrFeed feed = feed(person("A1", "jml.emailed").build());
    try (Reconciler reconciler = Reconciler.builder().connection(JmlFixtures.serviceAccount(keycloak))
        .policy(emailing).auditLog(folder.resolve("audit.jsonl")).build()) {
      // First with an SMTP server that is not there: the account is made, the email fails.
      useSmtpServer(closedPort());
      Plan plan = reconciler.plan(feed);
      assertThat(plan.users().get(0).changes()).extracting(Change::type)
          .containsExactly("create", "send-actions-email", "update");
      ApplyResult failed = reconciler.apply(plan, false);
      assertThat(failed.failures()).singleElement().satisfies(failure -> {
        assertThat(failure.username()).isEqualTo("jml.emailed");
        assertThat(failure.change()).contains("email");
      });
      assertThat(groups("jml.emailed")).containsExactly("/staff");

      Plan owed = reconciler.plan(feed);
      assertThat(owed.users()).singleElement().satisfies(user -> assertThat(user.changes())
          .extracting(Change::type).containsExactly("send-actions-email", "update"));

      try (SmtpSink smtp = new SmtpSink()) {
        useSmtpServer(smtp.port());
        assertThat(reconciler.apply(reconciler.plan(feed), false).failures()).isEmpty();
        assertThat(smtp.messages()).hasSize(1);
        assertThat(smtp.messages().get(0)).contains("To: jml.emailed@example.gov.uk").contains("Subject: Update Your Account");
        assertThat(reconciler.plan(feed).isEmpty()).as("sent once, then nothing more is owed").isTrue();
      }
    }
  }

  private void useSmtpServer(int port) throws Exception {
    keycloak.admin("PUT", "/" + REALM, "{\"smtpServer\":{\"host\":\"127.0.0.1\",\"port\":\"" + port
        + "\",\"from\":\"no-reply@example.gov.uk\"}}");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aMoverLosesTheOldGroupAndKeepsRolesGrantedByHand() throws Exception {
    StaffRecord mover = person("M1", "jml.mover").build();
    try (Reconciler reconciler = reconciler("test-movers", TODAY)) {
      planAndApply(reconciler, feed(mover));
      String id = user("jml.mover").path("id").asText();
      JsonNode auditor = keycloak.admin("GET", "/" + REALM + "/roles/auditor", null);
      keycloak.admin("POST", "/" + REALM + "/users/" + id + "/role-mappings/realm", "[" + auditor + "]");

      HrFeed moved = feed(mover.toBuilder().department("Asylum").build());
      Plan plan = reconciler.plan(moved);
      assertThat(plan.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.MOVER, 1));
      assertThat(plan.notices()).extracting(Notice::kind).containsExactly(Notice.Kind.HAND_GRANTED);
      assertThat(reconciler.apply(plan, false).failures()).isEmpty();

      assertThat(groups("jml.mover")).containsExactly("/caseworking/asylum", "/staff");
      assertThat(roles("jml.mover")).containsExactly("auditor", "caseworker");
      assertThat(user("jml.mover").path("attributes").path("department").get(0).asText()).isEqualTo("Asylum");
      assertThat(reconciler.plan(moved).isEmpty()).isTrue();

      planAndApply(reconciler, feed(mover.toBuilder().department("Asylum").title("Senior caseworker").build()));
      assertThat(roles("jml.mover")).containsExactly("auditor", "case-service/decide", "caseworker");
    }
  }

  @Test
  void aLeaverIsDisabledAndTheirRefreshAndOfflineTokensStopWorkingAndARehireComesBack() throws Exception {
    StaffRecord leaver = person("L1", "jml.leaver").build();
    StaffRecord stayer = person("L2", "jml.stayer").build();
    try (Reconciler reconciler = reconciler("test-leavers", TODAY)) {
      planAndApply(reconciler, feed(leaver, stayer));
    }
    String id = user("jml.leaver").path("id").asText();
    keycloak.admin("PUT", "/" + REALM + "/users/" + id + "/reset-password",
        "{\"type\":\"password\",\"value\":\"leaver-password-1\",\"temporary\":false}");
    keycloak.admin("PUT", "/" + REALM + "/users/" + id, "{\"requiredActions\":[]}");
    JsonNode session = keycloak.tokens(REALM, "case-portal", "jml.leaver", "leaver-password-1", "openid");
    JsonNode offline = keycloak.tokens(REALM, "case-portal", "jml.leaver", "leaver-password-1", "openid offline_access");
    String refreshToken = session.path("refresh_token").asText();
    String offlineToken = offline.path("refresh_token").asText();
    assertThat(keycloak.refresh(REALM, "case-portal", refreshToken)).isEqualTo(200);

    try (Reconciler reconciler = reconciler("test-leavers", TODAY.plusDays(1))) {
      Plan plan = reconciler.plan(feed(stayer));
      assertThat(plan.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.LEAVER, 1));
      assertThat(reconciler.apply(plan, false).failures()).isEmpty();
    }
    JsonNode left = user("jml.leaver");
    assertThat(left.path("enabled").asBoolean()).isFalse();
    assertThat(left.path("attributes").path("stp-status").get(0).asText()).isEqualTo("leaver");
    assertThat(groups("jml.leaver")).isEmpty();
    assertThat(roles("jml.leaver")).isEmpty();
    assertThat(keycloak.refresh(REALM, "case-portal", refreshToken)).as("refresh token after leaving").isEqualTo(400);
    assertThat(keycloak.refresh(REALM, "case-portal", offlineToken)).as("offline token after leaving").isEqualTo(400);
    assertThat(keycloak.admin("GET", "/" + REALM + "/users/" + id + "/consents", null)).isEmpty();

    try (Reconciler later = reconciler("test-leavers", TODAY.plusDays(20))) {
      assertThat(later.plan(feed(stayer)).isEmpty()).as("kept during the retention period").isTrue();
      Plan rehire = later.plan(feed(leaver.toBuilder().department("Asylum").build(), stayer));
      assertThat(rehire.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.REHIRE, 1));
      assertThat(later.apply(rehire, false).failures()).isEmpty();
    }
    assertThat(user("jml.leaver").path("enabled").asBoolean()).isTrue();
    assertThat(user("jml.leaver").path("id").asText()).as("the same account").isEqualTo(id);
    assertThat(groups("jml.leaver")).containsExactly("/caseworking/asylum", "/staff");

    try (Reconciler leavesAgain = reconciler("test-leavers", TODAY.plusDays(30))) {
      planAndApply(leavesAgain, feed(stayer));
    }
    try (Reconciler afterRetention = reconciler("test-leavers", TODAY.plusDays(60))) {
      Plan delete = afterRetention.plan(feed(stayer));
      assertThat(delete.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.DELETE, 1));
      assertThat(afterRetention.apply(delete, false).failures()).isEmpty();
    }
    assertThat(exists("jml.leaver")).isFalse();
    assertThat(exists("jml.stayer")).isTrue();
  }

  @Test
  void usersTheToolDoesNotManageAreNeverChangedAndAUsernameClashFailsOnlyThatPerson() throws Exception {
    String before = user("break.glass").toString() + groups("break.glass") + roles("break.glass");
    StaffRecord clash = person("U1", "break.glass").department("Asylum").build();
    StaffRecord fine = person("U2", "jml.unclashed").build();
    try (Reconciler reconciler = reconciler("test-unmanaged", TODAY)) {
      ApplyResult result = reconciler.apply(reconciler.plan(feed(clash, fine)), false);
      assertThat(result.failures()).extracting(ApplyResult.Failure::employeeNumber).containsExactly("U1");
      assertThat(result.failures().get(0).message()).contains("taken by a user the tool does not manage");
      assertThat(result.failures().get(0).keycloakStatus()).hasValue(409);
      assertThat(exists("jml.unclashed")).isTrue();
      // An empty feed makes every managed user a leaver, but break.glass is not managed.
      reconciler.apply(reconciler.plan(feed()), true);
    }
    String after = user("break.glass").toString() + groups("break.glass") + roles("break.glass");
    assertThat(after).isEqualTo(before);
    assertThat(user("jml.unclashed").path("enabled").asBoolean()).isFalse();
  }

  @Test
  void aTruncatedFeedIsRefusedByTheThresholdUnlessMassChangeIsAllowed() throws Exception {
    List<StaffRecord> everyone = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      everyone.add(person("T" + i, "jml.threshold" + i).build());
    }
    try (Reconciler reconciler = reconciler("test-threshold", TODAY)) {
      planAndApply(reconciler, HrFeed.of("all", everyone));
      Plan truncated = reconciler.plan(HrFeed.of("truncated", everyone.subList(0, 1)));
      assertThat(truncated.breaches()).extracting(ThresholdBreach::kind).contains("leavers");
      long changesBefore = audit().stream().filter(line -> line.path("event").asText().equals("change")).count();

      assertThatThrownBy(() -> reconciler.apply(truncated, false)).isInstanceOf(MassChangeException.class)
          .hasMessageContaining("5 leavers of 6");
      for (int i = 0; i < 6; i++) {
        assertThat(user("jml.threshold" + i).path("enabled").asBoolean()).as("nothing changed").isTrue();
      }
      assertThat(audit().stream().filter(line -> line.path("event").asText().equals("change")).count())
          .isEqualTo(changesBefore);

      ApplyResult forced = reconciler.apply(truncated, true);
      assertThat(forced.failures()).isEmpty();
      assertThat(user("jml.threshold5").path("enabled").asBoolean()).isFalse();
    }
  }

  @Test
  void anHrEventChangesOnlyItsPersonAtOnce() throws Exception {
    StaffRecord first = person("V1", "jml.event1").build();
    StaffRecord second = person("V2", "jml.event2").build();
    try (Reconciler reconciler = reconciler("test-events", TODAY)) {
      planAndApply(reconciler, feed(first, second));

      Plan move = reconciler.planEvent(first.toBuilder().department("Asylum").build());
      assertThat(move.users()).extracting(UserPlan::employeeNumber).containsExactly("V1");
      reconciler.apply(move, false);
      assertThat(groups("jml.event1")).containsExactly("/caseworking/asylum", "/staff");

      Plan urgentLeaver = reconciler.planEvent(second.toBuilder().endDate(TODAY).build());
      assertThat(urgentLeaver.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.LEAVER, 1));
      reconciler.apply(urgentLeaver, false);
      assertThat(user("jml.event2").path("enabled").asBoolean()).isFalse();
      assertThat(user("jml.event1").path("enabled").asBoolean()).isTrue();


      Plan byNumberOnly = reconciler.planUrgentLeaver("V1");
      assertThat(byNumberOnly.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.LEAVER, 1));
      reconciler.apply(byNumberOnly, false);
      assertThat(user("jml.event1").path("enabled").asBoolean()).isFalse();
      assertThat(user("jml.event1").path("attributes").path("department").get(0).asText()).isEqualTo("Asylum");
      assertThat(reconciler.planUrgentLeaver("V1").isEmpty()).as("already left").isTrue();

      Plan joiner = reconciler.planEvent(person("V3", "jml.event3").build());
      assertThat(joiner.counts()).containsExactly(java.util.Map.entry(UserPlan.Kind.JOINER, 1));
      reconciler.apply(joiner, false);
      assertThat(exists("jml.event3")).isTrue();
    }
  }
}

package org.stpkit.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.stpkit.definition.Problem;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.ApplyResult;
import org.stpkit.idam.Grant;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.ManagedUser;
import org.stpkit.idam.Plan;
import org.stpkit.idam.Reconciler;
import org.stpkit.idam.UserPlan;
import org.stpkit.idam.UserProfileDeclaration;
import org.stpkit.localkeycloak.LocalKeycloak;

/**
 * The example's caseworkers in Keycloak: its sample HR feed and access policy applied by
 * idam-client exactly as {@code stp idam declare-attributes} and {@code stp idam apply} would
 * (plan, then apply, as the policy's least-privilege service account), then a demo password set for
 * each account, since the policy sends no set-your-password emails in the example.
 */
final class DemoStaff {
  /** One account the demo prints: who it is and what the caseworker pages let them do. */
  record Login(String username, String name, String title, String access) {}

  /** What provisioning did, and the logins it left. */
  record Provisioned(Plan plan, ApplyResult applied, List<Login> logins) {
    String summary(String feed) {
      if (plan.isEmpty()) {
        return "staff from " + feed + " already in Keycloak: " + people(logins.size()) + ", nothing to change";
      }
      String kinds = plan.counts().entrySet().stream()
          .map(count -> count.getValue() + " " + kindName(count.getKey()) + (count.getValue() == 1 ? "" : "s"))
          .collect(Collectors.joining(", "));
      return "staff from " + feed + " applied by idam-client: " + kinds + ", " + applied.changesApplied()
          + " changes";
    }

    private static String people(int count) {
      return count + (count == 1 ? " person" : " people");
    }
  }

  /** What the example realm's groups let a caseworker do, most access first. */
  private static final List<Map.Entry<String, String>> ACCESS = List.of(
      Map.entry("/caseworking/decision-makers", "caseworker who records milestones and decisions"),
      Map.entry("/caseworking/caseworkers", "caseworker who records milestones (not decisions)"));

  private final Path feed;
  private final Path policy;
  private final String realm;
  private final String clientId;
  private final String clientSecret;

  DemoStaff(Path feed, Path policy, String realm, String clientId, String clientSecret) {
    this.feed = feed;
    this.policy = policy;
    this.realm = realm;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * Declares the policy's attributes in the realm (as the administrator), plans and applies the
   * feed (as the service account, with its audit trail in {@code auditLog}), and sets
   * {@code password} on every account the tool manages that is enabled.
   *
   * @throws DemoProblem naming the feed's or the policy's problem, or the people that failed
   */
  Provisioned provision(LocalKeycloak keycloak, DemoKeycloak.Admin admin, Path auditLog, String password) {
    try {
      AccessPolicy accessPolicy = AccessPolicy.load(policy);
      HrFeed staff = HrFeed.read(feed);
      if (!staff.problems().isEmpty()) {
        throw new DemoProblem("The sample HR feed has problems:" + System.lineSeparator() + staff.problems().stream()
            .map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
      }
      UserProfileDeclaration.apply(KeycloakConnection.adminPassword(keycloak.baseUrl(), realm, "master",
          keycloak.adminUser(), keycloak.adminPassword()), accessPolicy);
      KeycloakConnection serviceAccount = KeycloakConnection.clientCredentials(keycloak.baseUrl(), realm, clientId,
          clientSecret);
      try (Reconciler reconciler = Reconciler.builder().connection(serviceAccount).policy(accessPolicy)
          .auditLog(auditLog).build()) {
        Plan plan = reconciler.plan(staff);
        ApplyResult applied = reconciler.apply(plan, false);
        if (!applied.succeeded()) {
          throw new DemoProblem("Some of the sample staff could not be provisioned (the audit trail is in " + auditLog
              + "):" + System.lineSeparator() + applied.failures().stream().map(ApplyResult.Failure::toString)
              .collect(Collectors.joining(System.lineSeparator())));
        }
        List<Login> logins = new ArrayList<>();
        for (ManagedUser user : reconciler.managedUsers()) {
          if (user.enabled()) {
            admin.setPassword(user.username(), password);
            logins.add(login(user));
          }
        }
        logins.sort(Comparator.comparing(Login::username));
        return new Provisioned(plan, applied, List.copyOf(logins));
      }
    } catch (IdamException e) {
      throw new DemoProblem("The sample staff could not be provisioned: " + e.getMessage());
    }
  }

  private static Login login(ManagedUser user) {
    return new Login(user.username(), user.firstName() + " " + user.lastName(), user.attribute("title").orElse(""),
        access(user));
  }

  /** What the example's caseworker pages let the user do, from the groups the policy gave them. */
  static String access(ManagedUser user) {
    List<String> groups = user.grants().all().stream().filter(grant -> grant.kind() == Grant.Kind.GROUP)
        .map(Grant::name).toList();
    return ACCESS.stream().filter(entry -> groups.contains(entry.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse("not a caseworker: the caseworker pages refuse this login");
  }

  static String kindName(UserPlan.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

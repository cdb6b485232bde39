package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

/** The policy, people and connections the Keycloak tests of joiners, movers and leavers share. */
final class JmlFixtures {
  static final String REALM = "stp-jml";
  static final String SERVICE_CLIENT = "stp-idam";
  static final String SERVICE_SECRET = "stp-idam-test-secret";
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private JmlFixtures() {
  }

  /** The test policy; each test manages its own people, marked with its own {@code managedBy}. */
  static AccessPolicy policy(String managedBy) {
    return AccessPolicy.builder()
        .managedBy(managedBy)
        .usernameTemplate("{userName}")
        .emailTemplate("{email}")
        .requiredActions(List.of("UPDATE_PASSWORD"))
        .deleteLeaversAfter(Period.ofDays(30))
        .leaverThreshold(new Threshold(3, 50))
        .removalThreshold(new Threshold(50, 100))
        .rule(new AccessRule("everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("visas caseworkers",
            List.of(AttributeMatch.equalTo("department", "Visas"), AttributeMatch.startsWith("title", "Caseworker")),
            Grants.of(Grant.group("/caseworking/visas"), Grant.realmRole("caseworker"))))
        .rule(new AccessRule("asylum caseworkers", List.of(AttributeMatch.equalTo("department", "Asylum")),
            Grants.of(Grant.group("/caseworking/asylum"), Grant.realmRole("caseworker"))))
        .rule(new AccessRule("deciders", List.of(AttributeMatch.startsWith("title", "Senior")),
            Grants.of(Grant.clientRole("case-service", "decide"))))
        .build();
  }

  static KeycloakConnection serviceAccount(KeycloakServer keycloak) {
    return KeycloakConnection.clientCredentials(keycloak.baseUrl(), REALM, SERVICE_CLIENT, SERVICE_SECRET);
  }

  static KeycloakConnection realmAdministrator(KeycloakServer keycloak) {
    return KeycloakConnection.adminPassword(keycloak.baseUrl(), REALM, "master", KeycloakServer.ADMIN,
        KeycloakServer.ADMIN_PASSWORD);
  }

  static Reconciler reconciler(KeycloakServer keycloak, String managedBy, LocalDate day, Path auditLog) {
    return Reconciler.builder()
        .connection(serviceAccount(keycloak))
        .policy(policy(managedBy))
        .clock(Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
        .auditLog(auditLog)
        .concurrency(4)
        .build();
  }

  static StaffRecord.Builder person(String employeeNumber, String userName) {
    return StaffRecord.builder(employeeNumber).userName(userName).givenName("Given" + employeeNumber)
        .familyName("Family").email(userName + "@example.gov.uk").department("Visas").title("Caseworker")
        .startDate(LocalDate.of(2024, 4, 1));
  }

  static HrFeed feed(StaffRecord... records) {
    return HrFeed.of("test", List.of(records));
  }
}

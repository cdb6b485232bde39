package org.stpkit.spring.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.spring.StartupFailures.messages;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.stpkit.idam.Reconciler;

/**
 * When the idam auto-configuration is on, the Keycloak beans it makes from {@code stp.idam.*}, and
 * what stops the application. Sign-in through a real Keycloak is the caseworking example's browser
 * test.
 */
class StpIdamAutoConfigurationTest {
  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StpIdamAutoConfiguration.class));

  private static String[] keycloakAt(int port) {
    return new String[] {"stp.idam.keycloak.server-url=http://127.0.0.1:" + port + "/",
        "stp.idam.keycloak.realm=caseworking", "stp.idam.keycloak.client-id=case-service"};
  }

  @Test
  void isOffUntilAKeycloakServerIsConfigured() {
    web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KeycloakAuthoritiesConverter.class)
        .doesNotHaveBean(ClientRegistrationRepository.class));
  }

  @Test
  void isOffWhenIdamClientIsNotOnTheClassPathOrThePropertiesSaySo() throws Exception {
    int port = closedPort();
    web.withClassLoader(new FilteredClassLoader(Reconciler.class)).withPropertyValues(keycloakAt(port))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KeycloakAuthoritiesConverter.class));
    web.withPropertyValues(keycloakAt(port)).withPropertyValues("stp.idam.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KeycloakAuthoritiesConverter.class));
  }

  @Test
  void signInIsRegisteredFromKeycloaksEndpointConventionsWithoutCallingKeycloak() throws Exception {
    int port = closedPort();
    web.withPropertyValues(keycloakAt(port)).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(KeycloakSecurityConfigurer.class).hasSingleBean(JwtDecoder.class)
          .hasSingleBean(JwtAuthenticationConverter.class);
      ClientRegistration keycloak = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("keycloak");
      String realm = "http://127.0.0.1:" + port + "/realms/caseworking";
      assertThat(keycloak.getClientId()).isEqualTo("case-service");
      assertThat(keycloak.getProviderDetails().getIssuerUri()).isEqualTo(realm);
      assertThat(keycloak.getProviderDetails().getAuthorizationUri()).isEqualTo(realm + "/protocol/openid-connect/auth");
      assertThat(keycloak.getProviderDetails().getTokenUri()).isEqualTo(realm + "/protocol/openid-connect/token");
      assertThat(keycloak.getProviderDetails().getJwkSetUri()).isEqualTo(realm + "/protocol/openid-connect/certs");
      assertThat(keycloak.getProviderDetails().getConfigurationMetadata())
          .containsEntry("end_session_endpoint", realm + "/protocol/openid-connect/logout");
      assertThat(keycloak.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
      assertThat(keycloak.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
    });
    web.withPropertyValues(keycloakAt(port)).withPropertyValues("stp.idam.keycloak.client-secret=s3cret")
        .run(context -> assertThat(context.getBean(ClientRegistrationRepository.class).findByRegistrationId("keycloak")
            .getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
  }

  @Test
  void theConvertersMapRealmRolesAndTheServicesClientRolesToAuthorities() throws Exception {
    Jwt token = Jwt.withTokenValue("token").header("alg", "RS256").subject("f3a1")
        .claim("preferred_username", "ada.lovelace")
        .claim("realm_access", Map.of("roles", List.of("caseworker")))
        .claim("resource_access", Map.of("case-service", Map.of("roles", List.of("decide")),
            "account", Map.of("roles", List.of("manage-account"))))
        .build();
    web.withPropertyValues(keycloakAt(closedPort())).run(context -> {
      assertThat(context.getBean(KeycloakAuthoritiesConverter.class).convert(token))
          .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_caseworker", "ROLE_case-service:decide");
      var bearer = context.getBean(JwtAuthenticationConverter.class).convert(token);
      assertThat(bearer.getName()).isEqualTo("ada.lovelace");
      // Spring Security 7 adds a FACTOR_ authority of its own for the bearer token.
      assertThat(bearer.getAuthorities()).extracting(GrantedAuthority::getAuthority)
          .contains("ROLE_caseworker", "ROLE_case-service:decide")
          .filteredOn(authority -> authority.startsWith("ROLE_")).hasSize(2);
    });
    web.withPropertyValues(keycloakAt(closedPort()))
        .withPropertyValues("stp.idam.roles.clients=account", "stp.idam.roles.prefix=KC_")
        .run(context -> assertThat(context.getBean(KeycloakAuthoritiesConverter.class).convert(token))
            .extracting(GrantedAuthority::getAuthority).containsExactly("KC_caseworker", "KC_account:manage-account"));
  }

  @Test
  void keycloakThatDoesNotAnswerIsHealthDown() throws Exception {
    int port = closedPort();
    web.withPropertyValues(keycloakAt(port)).run(context -> {
      Health health = context.getBean("keycloakHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("url",
          "http://127.0.0.1:" + port + "/realms/caseworking/.well-known/openid-configuration");
      assertThat(String.valueOf(health.getDetails().get("reason"))).startsWith("Keycloak did not answer");
    });
  }

  @Test
  void aServerWithoutRealmOrClientStopsTheApplicationSayingWhatIsMissing() {
    web.withPropertyValues("stp.idam.keycloak.server-url=http://127.0.0.1:1")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("stp.idam.keycloak.realm and stp.idam.keycloak.client-id must be set with stp.idam.keycloak.server-url")));
    web.withPropertyValues(keycloakAt(1)).withPropertyValues("stp.idam.keycloak.scopes=profile")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("stp.idam.keycloak.scopes must include openid")));
  }

  @Test
  void theScheduledReconcileNeedsItsFeedPolicyAndSecret() {
    web.withPropertyValues(keycloakAt(1)).withPropertyValues("stp.idam.reconcile.enabled=true")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("stp.idam.reconcile.feed, .policy and .client-secret must be set when stp.idam.reconcile.enabled=true")));
    web.withPropertyValues(keycloakAt(1)).withPropertyValues("stp.idam.reconcile.enabled=true",
            "stp.idam.reconcile.feed=classpath:staff.csv", "stp.idam.reconcile.policy=classpath:policy.yaml",
            "stp.idam.reconcile.client-secret=s3cret", "stp.idam.reconcile.every=100ms")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("stp.idam.reconcile.every must be at least one second")));
  }

  @Test
  void theReconcileIsABeanOnlyWhenEnabled() {
    web.withPropertyValues(keycloakAt(1))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(IdamReconciliation.class));
    web.withPropertyValues(keycloakAt(1)).withPropertyValues("stp.idam.reconcile.enabled=true",
            "stp.idam.reconcile.feed=classpath:staff.csv", "stp.idam.reconcile.policy=classpath:policy.yaml",
            "stp.idam.reconcile.client-secret=s3cret", "stp.idam.reconcile.initial-delay=1h")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(IdamReconciliation.class);
          assertThat(context.getBean(IdamReconciliation.class).isRunning()).isTrue();
        });
  }

  @Test
  void joinersMoversAndLeaversRunsAreCountedWhenMicrometerIsThere() {
    // The counts of a real run are checked by the caseworking example's browser test, through Actuator.
    web.withPropertyValues(keycloakAt(1))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(IdamMetrics.class));
    web.withPropertyValues(keycloakAt(1)).withClassLoader(new FilteredClassLoader("io.micrometer.core"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(IdamMetrics.class));
  }


  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package org.stpkit.spring.idam;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.Reconciler;
import org.stpkit.spring.ReachabilityHealthIndicator;

/**
 * Keycloak for a Spring Boot service, on when idam-client is on the class path and {@code
 * stp.idam.keycloak.server-url} is set: the sign-in registration (built from Keycloak's endpoint
 * conventions, so the service starts even while Keycloak is down), bearer-token decoding for the
 * resource server (signature, issuer and audience), Keycloak's realm and client roles as
 * authorities ({@link KeycloakAuthoritiesConverter}), a {@link KeycloakSecurityConfigurer} bean to
 * apply to the service's filter chain, Keycloak's reachability as health, and, with {@code
 * stp.idam.reconcile.enabled}, joiners, movers and leavers on a schedule.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnClass(Reconciler.class)
@ConditionalOnBooleanProperty(name = "stp.idam.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "stp.idam.keycloak.server-url")
@EnableConfigurationProperties(StpIdamProperties.class)
public class StpIdamAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  KeycloakAuthoritiesConverter keycloakAuthoritiesConverter(StpIdamProperties properties) {
    List<String> clients = properties.roles().clients().isEmpty()
        ? List.of(String.valueOf(properties.keycloak().clientId())) : properties.roles().clients();
    return new KeycloakAuthoritiesConverter(clients, properties.roles().prefix());
  }

  /** Keycloak's reachability: the realm's discovery document answers 200. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthChecks {
    @Bean
    @ConditionalOnMissingBean(name = "keycloakHealthIndicator")
    ReachabilityHealthIndicator keycloakHealthIndicator(StpIdamProperties properties) {
      return new ReachabilityHealthIndicator("Keycloak",
          URI.create(properties.keycloak().issuer() + "/.well-known/openid-configuration"), Duration.ofSeconds(3), true);
    }
  }

  /** Sign-in, bearer tokens and sessions that end when Keycloak ends them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = {
      "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
      "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter"})
  static class Security {
    @Bean
    @ConditionalOnMissingBean
    ClientRegistrationRepository keycloakClientRegistrations(StpIdamProperties properties) {
      StpIdamProperties.Keycloak keycloak = properties.keycloak();
      String issuer = keycloak.issuer();
      String endpoints = issuer + "/protocol/openid-connect";
      ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(keycloak.registrationId())
          .clientName("Keycloak")
          .clientId(String.valueOf(keycloak.clientId()))
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .scope(keycloak.scopes())
          .issuerUri(issuer)
          .authorizationUri(endpoints + "/auth")
          .tokenUri(endpoints + "/token")
          .userInfoUri(endpoints + "/userinfo")
          .jwkSetUri(endpoints + "/certs")
          .userNameAttributeName("preferred_username")
          .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"));
      if (keycloak.clientSecret() != null && !keycloak.clientSecret().isBlank()) {
        registration.clientSecret(keycloak.clientSecret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
      } else {
        registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
      }
      return new InMemoryClientRegistrationRepository(registration.build());
    }

    /** Bearer tokens for the resource server: the realm's signature and issuer, and this service as audience. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder keycloakJwtDecoder(StpIdamProperties properties) {
      StpIdamProperties.Keycloak keycloak = properties.keycloak();
      String audience = keycloak.audience() != null ? keycloak.audience() : String.valueOf(keycloak.clientId());
      NimbusJwtDecoder decoder = realmKeys(properties);
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
          JwtValidators.createDefaultWithIssuer(keycloak.issuer()), audienceValidator(audience)));
      return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter keycloakJwtAuthenticationConverter(KeycloakAuthoritiesConverter roles) {
      JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
      converter.setJwtGrantedAuthoritiesConverter(roles);
      converter.setPrincipalClaimName("preferred_username");
      return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    KeycloakSecurityConfigurer keycloakSecurityConfigurer(StpIdamProperties properties, KeycloakAuthoritiesConverter roles,
        JwtAuthenticationConverter bearerTokens) {
      // The access token a sign-in receives is Keycloak's own answer to this client: its
      // signature and issuer are checked, not its audience (Keycloak gives "account" by default).
      NimbusJwtDecoder accessTokens = realmKeys(properties);
      accessTokens.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.keycloak().issuer()));
      return new KeycloakSecurityConfigurer(properties, new KeycloakOidcUserService(accessTokens, roles), bearerTokens);
    }

    private static NimbusJwtDecoder realmKeys(StpIdamProperties properties) {
      return NimbusJwtDecoder.withJwkSetUri(properties.keycloak().issuer() + "/protocol/openid-connect/certs").build();
    }

    private static OAuth2TokenValidator<Jwt> audienceValidator(String audience) {
      return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
              "The token is not for this service: its audience does not include " + audience, null));
    }
  }

  /** Joiners, movers and leavers on a schedule, with {@code stp.idam.reconcile.enabled=true}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "stp.idam.reconcile.enabled")
  static class Reconcile {
    @Bean
    @ConditionalOnMissingBean
    IdamReconciliation idamReconciliation(StpIdamProperties properties, ResourceLoader resources,
        ObjectProvider<IdamObserverBean> observer) {
      StpIdamProperties.Reconcile settings = properties.reconcile();
      return new IdamReconciliation(properties, resources, () -> KeycloakConnection.clientCredentials(
          String.valueOf(properties.keycloak().serverUrl()), String.valueOf(properties.keycloak().realm()),
          settings.clientId(), String.valueOf(settings.clientSecret())),
          observer.getIfAvailable(() -> new IdamObserverBean(IdamObserver.NONE)).observer());
    }
  }

  /** Holds the observer as a bean of a type the application never defines. */
  record IdamObserverBean(IdamObserver observer) {}

  /** JML runs as Micrometer counters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Metrics {
    @Bean
    IdamMetrics stpIdamMetrics() {
      return new IdamMetrics();
    }

    @Bean
    IdamObserverBean stpIdamObserver(IdamMetrics metrics) {
      return new IdamObserverBean(metrics);
    }
  }
}

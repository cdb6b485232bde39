package org.stpkit.spring.idam;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Keycloak in a service's own security filter chain: browser sign-in (OIDC login, with Keycloak's
 * roles as authorities), bearer tokens (resource server, likewise), sign-out at Keycloak too, and
 * sessions that end when Keycloak ends them (back-channel logout, and a token check on each
 * request). Apply it after your own rules; the auto-configuration makes it a bean.
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain security(HttpSecurity http, KeycloakSecurityConfigurer keycloak) {
 *   http.authorizeHttpRequests(requests -> requests
 *       .requestMatchers("/apply/**", "/assets/**").permitAll()
 *       .requestMatchers("/cases/**").hasRole("caseworker")
 *       .anyRequest().authenticated())
 *     .with(keycloak, Customizer.withDefaults());
 *   return http.build();
 * }
 * }</pre>
 */
public final class KeycloakSecurityConfigurer extends AbstractHttpConfigurer<KeycloakSecurityConfigurer, HttpSecurity> {
  private final StpIdamProperties properties;
  private final KeycloakOidcUserService users;
  private final JwtAuthenticationConverter bearerTokens;

  KeycloakSecurityConfigurer(StpIdamProperties properties, KeycloakOidcUserService users,
      JwtAuthenticationConverter bearerTokens) {
    this.properties = properties;
    this.users = users;
    this.bearerTokens = bearerTokens;
  }

  @Override
  public void init(HttpSecurity http) {
    ApplicationContext context = http.getSharedObject(ApplicationContext.class);
    ClientRegistrationRepository registrations = context.getBean(ClientRegistrationRepository.class);
    http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)));
    http.oauth2ResourceServer(server -> server.bearerTokenResolver(keycloakTokensOnly(context))
        .jwt(jwt -> jwt.jwtAuthenticationConverter(bearerTokens)));
    OidcClientInitiatedLogoutSuccessHandler signOutAtKeycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signOutAtKeycloak.setPostLogoutRedirectUri(properties.login().postLogoutRedirect());
    http.logout(logout -> logout.logoutSuccessHandler(signOutAtKeycloak));
    if (properties.login().backChannelLogout()) {
      http.oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()));
    }
  }

  /**
   * Bearer tokens to check as Keycloak's: all but the one Notify sends with its delivery receipts
   * ({@code stp.notify.receipts.path}), which the receipt servlet checks itself. Read as a
   * Keycloak token it would fail, and the resource server would answer 401 even where the path
   * is permitted, so every receipt would be refused.
   */
  private static BearerTokenResolver keycloakTokensOnly(ApplicationContext context) {
    DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
    String receipts = context.getEnvironment().getProperty("stp.notify.receipts.path");
    if (receipts == null || receipts.isBlank()) {
      return tokens;
    }
    return request -> receipts.equals(request.getRequestURI().substring(request.getContextPath().length()))
        ? null : tokens.resolve(request);
  }

  @Override
  public void configure(HttpSecurity http) {
    if (!properties.login().tokenCheck()) {
      return;
    }
    ClientRegistrationRepository registrations = http.getSharedObject(ClientRegistrationRepository.class);
    OAuth2AuthorizedClientRepository authorizedClients = http.getSharedObject(OAuth2AuthorizedClientRepository.class);
    if (registrations == null || authorizedClients == null) {
      throw new IllegalStateException("OAuth2 login did not set up its client repositories");
    }
    DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().refreshToken().build());
    http.addFilterBefore(new SessionTokenCheckFilter(manager, properties.keycloak().registrationId()), AuthorizationFilter.class);
  }
}

package org.stpkit.spring.idam;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Sign-in with Keycloak's roles: Keycloak puts roles in the access token, not the ID token, so the
 * access token the sign-in received is decoded (its signature and issuer checked against the
 * realm's keys) and its roles added to the user's authorities by {@link KeycloakAuthoritiesConverter}.
 * The user's name is {@code preferred_username}.
 */
final class KeycloakOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {
  private final OidcUserService delegate = new OidcUserService();
  private final JwtDecoder accessTokens;
  private final KeycloakAuthoritiesConverter roles;

  KeycloakOidcUserService(JwtDecoder accessTokens, KeycloakAuthoritiesConverter roles) {
    this.accessTokens = accessTokens;
    this.roles = roles;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Jwt accessToken;
    try {
      accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
    } catch (JwtException e) {
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
          "Keycloak's access token could not be verified: " + e.getMessage(), null), e);
    }
    Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
    Collection<GrantedAuthority> keycloakRoles = roles.convert(accessToken);
    if (keycloakRoles != null) {
      authorities.addAll(keycloakRoles);
    }
    String nameAttribute = user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
  }
}

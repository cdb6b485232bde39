package org.stpkit.spring.idam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakAuthoritiesConverterTest {
  private final KeycloakAuthoritiesConverter converter =
      new KeycloakAuthoritiesConverter(List.of("caseworking-service", "reports"), "ROLE_");

  private static Jwt token(Map<String, Object> claims) {
    Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("f3a1");
    claims.forEach(jwt::claim);
    return jwt.build();
  }

  private List<String> authorities(Map<String, Object> claims) {
    return converter.convert(token(claims)).stream().map(GrantedAuthority::getAuthority).toList();
  }

  @Test
  void mapsRealmRolesAndTheNamedClientsRoles() {
    assertThat(authorities(Map.of(
        "realm_access", Map.of("roles", List.of("caseworker", "offline_access")),
        "resource_access", Map.of(
            "caseworking-service", Map.of("roles", List.of("decide")),
            "reports", Map.of("roles", List.of("read", "export")),
            "account", Map.of("roles", List.of("manage-account"))))))
        .containsExactly("ROLE_caseworker", "ROLE_offline_access", "ROLE_caseworking-service:decide",
            "ROLE_reports:read", "ROLE_reports:export");
  }

  @Test
  void aTokenWithoutRolesGivesNoAuthorities() {
    assertThat(authorities(Map.of("preferred_username", "ada.lovelace"))).isEmpty();
  }

  @Test
  void claimsOfTheWrongShapeGiveNoAuthoritiesRatherThanAnError() {
    assertThat(authorities(Map.of(
        "realm_access", List.of("caseworker"),
        "resource_access", Map.of("caseworking-service", "decide", "reports", Map.of("roles", "read")))))
        .isEmpty();
    assertThat(authorities(Map.of("realm_access", Map.of("roles", List.of("", 42, "caseworker")))))
        .containsExactly("ROLE_caseworker");
  }

  @Test
  void aRoleGivenTwiceIsOneAuthority() {
    assertThat(authorities(Map.of("realm_access", Map.of("roles", List.of("caseworker", "caseworker")))))
        .containsExactly("ROLE_caseworker");
  }

  @Test
  void thePrefixIsConfigurable() {
    KeycloakAuthoritiesConverter plain = new KeycloakAuthoritiesConverter(List.of("reports"), "");
    assertThat(plain.authorities(Map.of("realm_access", Map.of("roles", List.of("caseworker")),
        "resource_access", Map.of("reports", Map.of("roles", List.of("read"))))))
        .extracting(GrantedAuthority::getAuthority).containsExactly("caseworker", "reports:read");
  }
}

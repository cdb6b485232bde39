package org.stpkit.idam.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Keycloak's claims in an access token: roles are nested maps that other issuers do not use. */
public final class KeycloakClaims {
  private KeycloakClaims() {}

  public static @Nullable String string(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }

  /** {@code realm_access.roles}. */
  public static Set<String> realmRoles(JWTClaimsSet claims) {
    return roles(claims.getClaim("realm_access"));
  }

  /** {@code resource_access.<client>.roles}, by client id. */
  public static Map<String, Set<String>> clientRoles(JWTClaimsSet claims) {
    Map<String, Set<String>> roles = new HashMap<>();
    if (claims.getClaim("resource_access") instanceof Map<?, ?> clients) {
      clients.forEach((client, access) -> roles.put(String.valueOf(client), roles(access)));
    }
    return roles;
  }

  private static Set<String> roles(@Nullable Object access) {
    Set<String> roles = new HashSet<>();
    if (access instanceof Map<?, ?> map && map.get("roles") instanceof List<?> list) {
      list.forEach(role -> roles.add(String.valueOf(role)));
    }
    return roles;
  }
}

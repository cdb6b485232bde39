package org.stpkit.spring.idam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak's roles as Spring Security authorities, the converter every team otherwise writes by
 * hand: each realm role in {@code realm_access.roles} becomes {@code ROLE_<role>}, and each role
 * of the named clients in {@code resource_access.<client>.roles} becomes {@code
 * ROLE_<client>:<role>}. So {@code hasRole("caseworker")} tests a realm role and {@code
 * hasRole("case-service:decide")} a client role. Claims of the wrong shape give no authorities
 * rather than an error: a token is not refused for a mapper's quirk.
 */
public final class KeycloakAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {
  private final List<String> clients;
  private final String prefix;

  public KeycloakAuthoritiesConverter(List<String> clients, String prefix) {
    this.clients = List.copyOf(clients);
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    return authorities(jwt.getClaims());
  }

  /** The authorities a token's claims give. */
  public Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
    Set<GrantedAuthority> authorities = new LinkedHashSet<>();
    for (String role : roles(claims.get("realm_access"))) {
      authorities.add(new SimpleGrantedAuthority(prefix + role));
    }
    if (claims.get("resource_access") instanceof Map<?, ?> resources) {
      for (String client : clients) {
        for (String role : roles(resources.get(client))) {
          authorities.add(new SimpleGrantedAuthority(prefix + client + ":" + role));
        }
      }
    }
    return List.copyOf(authorities);
  }

  private static List<String> roles(Object access) {
    List<String> roles = new ArrayList<>();
    if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> values) {
      for (Object value : values) {
        if (value instanceof String role && !role.isBlank()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}

package org.stpkit.idam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A verified Keycloak access token: who it is for and what it grants.
 *
 * @param realm the realm, from the issuer ({@code .../realms/<realm>})
 * @param realmRoles {@code realm_access.roles}
 * @param clientRoles {@code resource_access.<client>.roles}, by client id
 */
public record VerifiedToken(
    String subject,
    Optional<String> username,
    String realm,
    String issuer,
    List<String> audience,
    Optional<String> authorizedParty,
    Set<String> realmRoles,
    Map<String, Set<String>> clientRoles,
    Instant expiresAt) {

  public VerifiedToken {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(issuer, "issuer");
    audience = List.copyOf(audience);
    Objects.requireNonNull(authorizedParty, "authorizedParty");
    realmRoles = Set.copyOf(realmRoles);
    clientRoles = Map.copyOf(clientRoles);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean hasRealmRole(String role) {
    return realmRoles.contains(role);
  }

  public boolean hasClientRole(String clientId, String role) {
    return clientRoles.getOrDefault(clientId, Set.of()).contains(role);
  }
}

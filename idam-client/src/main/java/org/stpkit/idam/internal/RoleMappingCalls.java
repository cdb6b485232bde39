package org.stpkit.idam.internal;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The two role-mapping calls made once per person in a run, made on a plain {@link WebTarget}
 * rather than through the admin client's proxies: the proxy for {@code users().get(id).roles()
 * .realmLevel()} is three proxies built by reflection on every call, which was 60% of the client's
 * CPU in a no-change re-run and a quarter of it in a first apply (benchmarks/README.md). Failures
 * are the same JAX-RS exceptions the proxies throw, so {@link Retry} treats them alike.
 */
final class RoleMappingCalls {
  private static final GenericType<List<RoleRepresentation>> ROLES = new GenericType<>() {};

  /** {@code /admin/realms/{realm}}, signed in as the admin client is. */
  private final WebTarget realm;

  RoleMappingCalls(WebTarget realm) {
    this.realm = realm;
  }

  /** The user's realm roles, as {@code users().get(id).roles().realmLevel().listAll()}. */
  List<RoleRepresentation> realmRoles(String userId) {
    return mappings(userId, Optional.empty()).request(MediaType.APPLICATION_JSON_TYPE).get(ROLES);
  }

  /** Maps roles of the realm (no client) or of the client with this id to the user. */
  void add(String userId, Optional<String> clientUuid, List<RoleRepresentation> roles) {
    // A String answer so that an error status becomes the typed exception (401 a NotAuthorizedException).
    mappings(userId, clientUuid).request(MediaType.APPLICATION_JSON_TYPE).post(Entity.json(roles), String.class);
  }

  private WebTarget mappings(String userId, Optional<String> clientUuid) {
    WebTarget user = realm.path("users").path(userId).path("role-mappings");
    return clientUuid.isPresent() ? user.path("clients").path(clientUuid.get()) : user.path("realm");
  }
}

package org.stpkit.idam.internal;

import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.stpkit.idam.IdamException;

/**
 * The ids behind the names a policy uses — group paths, client ids, roles — found once per run and
 * shared by reading and applying. Thread-safe.
 */
final class RealmLookups {
  private final RealmResource realm;
  private final Retry retry;
  private final Map<String, String> groupIds = new ConcurrentHashMap<>();
  private final Map<String, String> clientUuids = new ConcurrentHashMap<>();
  private final Map<String, RoleRepresentation> roles = new ConcurrentHashMap<>();

  RealmLookups(RealmResource realm, Retry retry) {
    this.realm = realm;
    this.retry = retry;
  }

  String groupId(String path) {
    return findGroupId(path).orElseThrow(() ->
        new IdamException("group " + path + " does not exist in the realm: create it, or change the policy"));
  }

  Optional<String> findGroupId(String path) {
    return Optional.ofNullable(groupIds.computeIfAbsent(path, p -> retry.call("find group " + p, () -> {
      try {
        return realm.getGroupByPath(p).getId();
      } catch (NotFoundException missing) {
        return null;
      }
    })));
  }

  /** Remembers a group's id seen while reading, sparing a lookup when it is added or removed. */
  void rememberGroup(String path, String id) {
    groupIds.putIfAbsent(path, id);
  }

  String clientUuid(String clientId) {
    return findClientUuid(clientId).orElseThrow(() -> new IdamException("client " + clientId + " cannot be found:"
        + " it does not exist, or the service account lacks view-clients, which mapping a client's roles directly"
        + " needs (or give the roles through a group)"));
  }

  Optional<String> findClientUuid(String clientId) {
    return Optional.ofNullable(clientUuids.computeIfAbsent(clientId, c -> retry.call("find client " + c, () -> {
      List<ClientRepresentation> clients = realm.clients().findByClientId(c);
      return clients.isEmpty() ? null : clients.get(0).getId();
    })));
  }

  /**
   * A role seen before, by container and name ({@code realm-role:caseworker},
   * {@code client-role:case-service/decide}).
   */
  Optional<RoleRepresentation> role(String key) {
    return Optional.ofNullable(roles.get(key));
  }

  void rememberRole(String key, RoleRepresentation role) {
    roles.putIfAbsent(key, role);
  }
}

package org.stpkit.idam.internal;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.stpkit.idam.Change;
import org.stpkit.idam.Grant;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakException;
import org.stpkit.idam.ManagedUsers;
import org.stpkit.idam.UserFields;

/**
 * Carries out one {@link Change} against Keycloak. Every step is safe to repeat (a create that
 * meets its own earlier attempt, a removal of what is gone), so a run stopped half-way converges on
 * the next.
 */
final class ChangeApplier {
  /** Made once: each sub-resource of the admin client is a proxy built by reflection. */
  private final UsersResource userApi;
  private final RoleMappingCalls roleMappings;
  private final Retry retry;
  private final RealmLookups lookups;

  ChangeApplier(RealmResource realm, RoleMappingCalls roleMappings, Retry retry, RealmLookups lookups) {
    this.userApi = realm.users();
    this.roleMappings = roleMappings;
    this.retry = retry;
    this.lookups = lookups;
  }

  /** Applies one change; returns the user's id (new for a created user). */
  String apply(Optional<String> userId, String managedBy, Change change) {
    if (change instanceof Change.CreateUser create) {
      return create(create, managedBy);
    }
    String id = userId.orElseThrow(() -> new IdamException("No user id for " + change.describe()));
    if (change instanceof Change.AddGrant add) {
      grant(id, add.grant(), true);
      return id;
    }
    if (change instanceof Change.RemoveGrant remove) {
      grant(id, remove.grant(), false);
      return id;
    }
    UserResource user = userApi.get(id);
    if (change instanceof Change.UpdateUser update) {
      retry.run("update user " + id, () -> {
        UserRepresentation current = user.toRepresentation();
        merge(current, update.before(), update.after());
        user.update(current);
      });
    } else if (change instanceof Change.Enable) {
      setEnabled(user, id, true);
    } else if (change instanceof Change.Disable) {
      setEnabled(user, id, false);
    } else if (change instanceof Change.EndSessions) {
      endSessions(user, id);
    } else if (change instanceof Change.SendActionsEmail email) {
      retry.run("email required actions to " + id, () -> user.executeActionsEmail(email.actions()));
    } else if (change instanceof Change.DeleteUser) {
      retry.run("delete user " + id, () -> {
        try {
          user.remove();
        } catch (NotFoundException alreadyDeleted) {
          // Deleted by an earlier attempt whose answer was lost.
        }
      });
    } else {
      throw new IdamException("Unknown change " + change);
    }
    return id;
  }

  private String create(Change.CreateUser create, String managedBy) {
    UserRepresentation rep = new UserRepresentation();
    rep.setUsername(create.username());
    rep.setFirstName(create.firstName());
    rep.setLastName(create.lastName());
    rep.setEmail(create.email().isEmpty() ? null : create.email());
    rep.setEnabled(create.enabled());
    rep.setAttributes(new HashMap<>(create.attributes()));
    rep.setRequiredActions(create.requiredActions());
    // Groups go in the create itself: one call instead of one per group, and all or nothing.
    rep.setGroups(create.groups());
    return retry.call("create user " + create.username(), () -> {
      try (Response response = userApi.create(rep)) {
        int status = response.getStatus();
        if (status == 201) {
          return CreatedResponseUtil.getCreatedId(response);
        }
        if (status == 409) {
          return existingFromEarlierAttempt(create, managedBy);
        }
        throw new WebApplicationException(response.readEntity(String.class), status);
      }
    });
  }

  /**
   * A 409 after a lost answer is our own earlier create; any other holder of the username is a
   * person the tool does not manage, and is left alone.
   */
  private String existingFromEarlierAttempt(Change.CreateUser create, String managedBy) {
    List<UserRepresentation> same = userApi.searchByUsername(create.username(), true);
    String employeeNumber = ManagedUserReader.first(create.attributes(), ManagedUsers.EMPLOYEE_NUMBER);
    for (UserRepresentation user : same) {
      UserRepresentation full = userApi.get(user.getId()).toRepresentation();
      if (managedBy.equals(ManagedUserReader.first(full.getAttributes(), ManagedUsers.MANAGED_BY))
          && employeeNumber.equals(ManagedUserReader.first(full.getAttributes(), ManagedUsers.EMPLOYEE_NUMBER))) {
        return full.getId();
      }
    }
    throw new KeycloakException("username " + create.username() + " (or its email) is taken by a user the tool does not manage: left alone; give this"
        + " person another userName in the feed", "create user " + create.username(), 409, null);
  }

  /** Ends every session and revokes every offline token: disabling alone does neither. */
  private void endSessions(UserResource user, String id) {
    retry.run("end sessions of " + id, user::logout);
    List<Map<String, Object>> consents = retry.call("read consents of " + id, user::getConsents);
    for (Map<String, Object> consent : consents) {
      String client = String.valueOf(consent.get("clientId"));
      retry.run("revoke offline tokens of " + id + " for " + client, () -> {
        try {
          user.revokeConsent(client);
        } catch (NotFoundException alreadyRevoked) {
          // Revoked by an earlier attempt whose answer was lost.
        }
      });
    }
  }

  private void setEnabled(UserResource user, String id, boolean enabled) {
    retry.run((enabled ? "enable" : "disable") + " user " + id, () -> {
      UserRepresentation current = user.toRepresentation();
      current.setEnabled(enabled);
      user.update(current);
    });
  }

  private static void merge(UserRepresentation current, UserFields before, UserFields after) {
    current.setFirstName(after.firstName());
    current.setLastName(after.lastName());
    current.setEmail(after.email().isEmpty() ? null : after.email());
    Map<String, List<String>> attributes = current.getAttributes() == null
        ? new HashMap<>() : new HashMap<>(current.getAttributes());
    for (String name : ownedNames(before, after)) {
      List<String> values = after.attributes().get(name);
      if (values == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, values);
      }
    }
    current.setAttributes(attributes);
  }

  /** The tool's own attributes, and the HR attributes it wrote before or writes now. */
  private static Set<String> ownedNames(UserFields before, UserFields after) {
    Set<String> names = new TreeSet<>(after.attributes().keySet());
    names.addAll(before.attributes().keySet());
    names.addAll(ManagedUsers.TOOL_ATTRIBUTES);
    return names;
  }

  private void grant(String id, Grant grant, boolean add) {
    String what = (add ? "add " : "remove ") + grant.key();
    switch (grant.kind()) {
      case GROUP -> {
        String groupId = lookups.groupId(grant.name());
        retry.run(what, () -> {
          if (add) {
            userApi.get(id).joinGroup(groupId);
          } else {
            userApi.get(id).leaveGroup(groupId);
          }
        });
      }
      case REALM_ROLE -> mapRole(id, Optional.empty(), () -> userApi.get(id).roles().realmLevel(), "realm-role:",
          grant.name(), what, add);
      case CLIENT_ROLE -> {
        String clientUuid = lookups.clientUuid(grant.client());
        mapRole(id, Optional.of(clientUuid), () -> userApi.get(id).roles().clientLevel(clientUuid),
            "client-role:" + grant.client() + "/", grant.name(), what, add);
      }
    }
  }

  /** Where a user's realm or client role mappings are. */
  private interface RoleMappings {
    RoleScopeResource get();
  }

  /**
   * Adds or removes a role mapping. Roles are found in the user's own mappings and in the roles
   * available to map to the user: reading a role by name needs {@code view-realm}, which the
   * tool's service account is deliberately not given. {@code mappings} is the admin client's
   * resource for the same mappings, for the rarer calls.
   */
  private void mapRole(String id, Optional<String> clientUuid, RoleMappings mappings, String container, String name,
      String what, boolean add) {
    String key = container + name;
    Optional<RoleRepresentation> role = lookups.role(key);
    if (role.isEmpty()) {
      List<RoleRepresentation> candidates = retry.call("find role " + key,
          () -> add ? mappings.get().listAvailable() : mappings.get().listAll());
      for (RoleRepresentation candidate : candidates) {
        lookups.rememberRole(container + candidate.getName(), candidate);
      }
      role = lookups.role(key);
    }
    if (role.isEmpty()) {
      if (add && retry.call("read roles", () -> mappings.get().listAll()).stream()
          .anyMatch(r -> r.getName().equals(name))) {
        return; // Already mapped: an earlier attempt's answer was lost.
      }
      if (!add) {
        return; // Not mapped: nothing to remove.
      }
      throw new IdamException(key + " does not exist in the realm or cannot be mapped by the tool:"
          + " create it, or change the policy");
    }
    RoleRepresentation found = role.get();
    retry.run(what, () -> {
      if (add) {
        roleMappings.add(id, clientUuid, List.of(found)); // once per person in a first apply: no proxies
      } else {
        mappings.get().remove(List.of(found));
      }
    });
  }
}

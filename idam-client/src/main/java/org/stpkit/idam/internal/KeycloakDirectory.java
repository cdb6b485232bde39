package org.stpkit.idam.internal;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.stpkit.idam.Change;
import org.stpkit.idam.Grant;
import org.stpkit.idam.Grants;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.ManagedUser;
import org.stpkit.idam.ManagedUsers;
import org.stpkit.idam.UserFields;

/**
 * Keycloak's admin API as the tool uses it: reads the managed users with their groups and roles,
 * and applies one {@link Change} at a time, every call retried by {@link Retry}. Thread-safe.
 */
public final class KeycloakDirectory implements AutoCloseable {
  private static final int PAGE = 500;

  private final Keycloak keycloak;
  private final RealmResource realm;
  private final Retry retry;
  private final Map<String, String> groupIds = new ConcurrentHashMap<>();
  private final Map<String, String> clientUuids = new ConcurrentHashMap<>();
  private final Map<String, RoleRepresentation> roles = new ConcurrentHashMap<>();

  public KeycloakDirectory(KeycloakConnection connection, int connections, int attempts, Duration firstDelay) {
    Client http = new ResteasyClientBuilderImpl()
        .connectionPoolSize(connections)
        .maxPooledPerRoute(connections)
        .connectTimeout(connection.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(connection.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
    KeycloakBuilder builder = KeycloakBuilder.builder()
        .serverUrl(connection.serverUrl())
        .realm(connection.authRealm())
        .clientId(connection.clientId())
        .resteasyClient(http);
    if (connection.usesPassword()) {
      builder.grantType(OAuth2Constants.PASSWORD).username(connection.username()).password(connection.password());
    } else {
      builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(connection.clientSecret());
    }
    this.keycloak = builder.build();
    this.realm = keycloak.realm(connection.realm());
    this.retry = new Retry(attempts, firstDelay, Duration.ofSeconds(5), () -> keycloak.tokenManager().grantToken());
  }

  /**
   * Every user carrying {@code managedBy} with the access that matters: membership of the groups
   * and holders of the client roles in {@code policyGrants} or recorded on any of the users (read
   * per group and per role, a page of 500 at a time), and, when any realm role matters, each
   * user's realm roles (read per user by {@code workers}: listing a realm role's holders needs
   * view-realm, which the service account is deliberately not given).
   */
  public List<ManagedUser> managedUsers(String managedBy, Grants policyGrants, ExecutorService workers) {
    Map<String, UserRepresentation> users = new java.util.LinkedHashMap<>();
    String query = ManagedUsers.MANAGED_BY + ":" + managedBy;
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<UserRepresentation> page = retry.call("list managed users",
          () -> realm.users().searchByAttributes(from, PAGE, null, true, false, query));
      // Exact search already; checked again because a user who is not managed must never be changed.
      page.stream().filter(user -> managedBy.equals(first(user.getAttributes(), ManagedUsers.MANAGED_BY)))
          .forEach(user -> users.put(user.getId(), user));
      if (page.size() < PAGE) {
        break;
      }
    }
    Set<Grant> relevant = new TreeSet<>(policyGrants.all());
    for (UserRepresentation user : users.values()) {
      recorded(user).forEach(relevant::add);
    }
    Map<String, Set<Grant>> access = new ConcurrentHashMap<>();
    users.keySet().forEach(id -> access.put(id, java.util.concurrent.ConcurrentHashMap.newKeySet()));

    List<Future<?>> reads = new ArrayList<>();
    for (Grant grant : relevant) {
      if (grant.kind() != Grant.Kind.REALM_ROLE) {
        reads.add(workers.submit(() -> holders(grant, access)));
      }
    }
    // Realm roles cost one call per user, so they are read only when the policy grants realm roles
    // or the tool recorded giving one; a policy that gives roles through groups needs none.
    if (relevant.stream().anyMatch(grant -> grant.kind() == Grant.Kind.REALM_ROLE)) {
      for (UserRepresentation user : users.values()) {
        reads.add(workers.submit(() -> access.get(user.getId()).addAll(realmRoles(user))));
      }
    }
    for (Future<?> read : reads) {
      await(read);
    }
    List<ManagedUser> managed = new ArrayList<>();
    for (UserRepresentation user : users.values()) {
      managed.add(managedUser(user, access.get(user.getId())));
    }
    return managed;
  }

  /** Adds {@code grant} to every managed user who has it, reading its holders a page at a time. */
  private void holders(Grant grant, Map<String, Set<Grant>> access) {
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<UserRepresentation> page;
      try {
        page = retry.call("list holders of " + grant.key(), () -> grant.kind() == Grant.Kind.GROUP
            ? realm.groups().group(groupId(grant.name())).members(from, PAGE, true)
            : realm.clients().get(clientUuid(grant.client())).roles().get(grant.name()).getUserMembers(true, from, PAGE));
      } catch (IdamException missing) {
        if (missing.getCause() instanceof NotFoundException || missing.getMessage().contains("does not exist")) {
          return; // Nobody can hold what does not exist; adding it later reports the problem.
        }
        throw missing;
      }
      for (UserRepresentation holder : page) {
        Set<Grant> grants = access.get(holder.getId());
        if (grants != null) {
          grants.add(grant);
        }
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private List<Grant> realmRoles(UserRepresentation user) {
    List<RoleRepresentation> mapped = retry.call("read realm roles of " + user.getUsername(),
        () -> realm.users().get(user.getId()).roles().realmLevel().listAll());
    List<Grant> grants = new ArrayList<>();
    for (RoleRepresentation role : mapped) {
      // Every user has the realm's default roles; they are the realm's business, not the policy's.
      if (!role.getName().startsWith("default-roles-")) {
        roles.putIfAbsent("realm-role:" + role.getName(), role);
        grants.add(Grant.realmRole(role.getName()));
      }
    }
    return grants;
  }

  private static Set<Grant> recorded(UserRepresentation user) {
    return user.getAttributes() == null ? Set.of()
        : Grants.fromKeys(user.getAttributes().getOrDefault(ManagedUsers.GRANTED, List.of())).all();
  }

  private static ManagedUser managedUser(UserRepresentation user, Set<Grant> grants) {
    return new ManagedUser(user.getId(), user.getUsername(), Boolean.TRUE.equals(user.isEnabled()),
        text(user.getFirstName()), text(user.getLastName()), text(user.getEmail()),
        user.getAttributes() == null ? Map.of() : user.getAttributes(), Grants.of(grants));
  }

  /** The managed users with this employee number (for one HR event), and whether the username is taken. */
  public List<ManagedUser> managedUsersWithEmployeeNumber(String managedBy, Set<String> clientIds, String employeeNumber) {
    List<UserRepresentation> found = retry.call("find employee " + employeeNumber,
        () -> realm.users().searchByAttributes(0, 10, null, true, false,
            ManagedUsers.EMPLOYEE_NUMBER + ":" + employeeNumber));
    List<ManagedUser> users = new ArrayList<>();
    for (UserRepresentation user : found) {
      if (managedBy.equals(first(user.getAttributes(), ManagedUsers.MANAGED_BY))) {
        users.add(withAccess(user, clientIds));
      }
    }
    return users;
  }

  /** One user's access, read from the user: for an HR event, where one user is all there is to read. */
  private ManagedUser withAccess(UserRepresentation user, Set<String> clientIds) {
    UserResource resource = realm.users().get(user.getId());
    Set<Grant> grants = new TreeSet<>();
    List<GroupRepresentation> groups = retry.call("read groups of " + user.getUsername(),
        () -> resource.groups(0, 1000, true));
    for (GroupRepresentation group : groups) {
      groupIds.putIfAbsent(group.getPath(), group.getId());
      grants.add(Grant.group(group.getPath()));
    }
    grants.addAll(realmRoles(user));
    Set<String> clients = new TreeSet<>(clientIds);
    recorded(user).stream().filter(grant -> grant.kind() == Grant.Kind.CLIENT_ROLE)
        .forEach(grant -> clients.add(grant.client()));
    for (String clientId : clients) {
      String clientUuid = clientUuid(clientId);
      List<RoleRepresentation> clientRoles = retry.call("read " + clientId + " roles of " + user.getUsername(),
          () -> resource.roles().clientLevel(clientUuid).listAll());
      for (RoleRepresentation role : clientRoles) {
        roles.putIfAbsent("client-role:" + clientId + "/" + role.getName(), role);
        grants.add(Grant.clientRole(clientId, role.getName()));
      }
    }
    return managedUser(user, grants);
  }

  /** Applies one change; returns the user's id (new for a created user). */
  public String apply(Optional<String> userId, String managedBy, Change change) {
    if (change instanceof Change.CreateUser create) {
      return create(create, managedBy);
    }
    String id = userId.orElseThrow(() -> new IdamException("No user id for " + change.describe()));
    UserResource user = realm.users().get(id);
    if (change instanceof Change.UpdateUser update) {
      retry.run("update user " + id, () -> {
        UserRepresentation current = user.toRepresentation();
        merge(current, update.before(), update.after());
        user.update(current);
      });
    } else if (change instanceof Change.AddGrant add) {
      grant(user, add.grant(), true);
    } else if (change instanceof Change.RemoveGrant remove) {
      grant(user, remove.grant(), false);
    } else if (change instanceof Change.Enable) {
      setEnabled(user, id, true);
    } else if (change instanceof Change.Disable) {
      setEnabled(user, id, false);
    } else if (change instanceof Change.EndSessions) {
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
      try (Response response = realm.users().create(rep)) {
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
    List<UserRepresentation> same = realm.users().searchByUsername(create.username(), true);
    String employeeNumber = first(create.attributes(), ManagedUsers.EMPLOYEE_NUMBER);
    for (UserRepresentation user : same) {
      UserRepresentation full = realm.users().get(user.getId()).toRepresentation();
      if (managedBy.equals(first(full.getAttributes(), ManagedUsers.MANAGED_BY))
          && employeeNumber.equals(first(full.getAttributes(), ManagedUsers.EMPLOYEE_NUMBER))) {
        return full.getId();
      }
    }
    throw new IdamException("username " + create.username() + " (or its email) is taken by a user the tool does not"
        + " manage: left alone; give this person another userName in the feed");
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

  private void grant(UserResource user, Grant grant, boolean add) {
    String what = (add ? "add " : "remove ") + grant.key();
    switch (grant.kind()) {
      case GROUP -> {
        String groupId = groupId(grant.name());
        retry.run(what, () -> {
          if (add) {
            user.joinGroup(groupId);
          } else {
            user.leaveGroup(groupId);
          }
        });
      }
      case REALM_ROLE -> {
        RoleResource roleMappings = () -> user.roles().realmLevel();
        mapRole(roleMappings, "realm-role:", grant.name(), what, add);
      }
      case CLIENT_ROLE -> {
        String clientUuid = clientUuid(grant.client());
        RoleResource roleMappings = () -> user.roles().clientLevel(clientUuid);
        mapRole(roleMappings, "client-role:" + grant.client() + "/", grant.name(), what, add);
      }
    }
  }

  /** Where a user's realm or client role mappings are. */
  private interface RoleResource {
    RoleScopeResource get();
  }

  /**
   * Adds or removes a role mapping. Roles are found in the user's own mappings and in the roles
   * available to map to the user: reading a role by name needs {@code view-realm}, which the
   * tool's service account is deliberately not given.
   */
  private void mapRole(RoleResource mappings, String container, String name, String what, boolean add) {
    String key = container + name;
    RoleRepresentation role = roles.get(key);
    if (role == null) {
      List<RoleRepresentation> candidates = retry.call("find role " + key,
          () -> add ? mappings.get().listAvailable() : mappings.get().listAll());
      for (RoleRepresentation candidate : candidates) {
        roles.putIfAbsent(container + candidate.getName(), candidate);
      }
      role = roles.get(key);
    }
    if (role == null) {
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
    RoleRepresentation found = role;
    retry.run(what, () -> {
      if (add) {
        mappings.get().add(List.of(found));
      } else {
        mappings.get().remove(List.of(found));
      }
    });
  }

  private String groupId(String path) {
    return groupIds.computeIfAbsent(path, p -> retry.call("find group " + p, () -> {
      try {
        return realm.getGroupByPath(p).getId();
      } catch (NotFoundException missing) {
        throw new IdamException("group " + p + " does not exist in the realm: create it, or change the policy");
      }
    }));
  }

  private String clientUuid(String clientId) {
    return clientUuids.computeIfAbsent(clientId, c -> retry.call("find client " + c, () -> {
      List<ClientRepresentation> clients = realm.clients().findByClientId(c);
      if (clients.isEmpty()) {
        throw new IdamException("client " + c + " cannot be found: it does not exist, or the service account"
            + " lacks view-clients, which mapping a client's roles directly needs (or give the roles through a group)");
      }
      return clients.get(0).getId();
    }));
  }

  /**
   * The attributes the realm's user profile does not declare (Keycloak drops undeclared
   * attributes silently), or empty when the realm keeps unmanaged attributes anyway.
   */
  public List<String> undeclaredAttributes(List<String> names) {
    UPConfig config = retry.call("read the user profile", () -> realm.users().userProfile().getConfiguration());
    UPConfig.UnmanagedAttributePolicy unmanaged = config.getUnmanagedAttributePolicy();
    if (unmanaged == UPConfig.UnmanagedAttributePolicy.ENABLED || unmanaged == UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT) {
      return List.of();
    }
    Set<String> declared = new TreeSet<>();
    for (UPAttribute attribute : config.getAttributes()) {
      declared.add(attribute.getName());
    }
    return names.stream().filter(name -> !declared.contains(name)).toList();
  }

  /** The realm's user profile configuration (needs a realm administrator to change). */
  public UPConfig userProfile() {
    return retry.call("read the user profile", () -> realm.users().userProfile().getConfiguration());
  }

  public void updateUserProfile(UPConfig config) {
    retry.run("update the user profile", () -> realm.users().userProfile().update(config));
  }

  @Override
  public void close() {
    keycloak.close();
  }

  private static String first(Map<String, List<String>> attributes, String name) {
    if (attributes == null) {
      return "";
    }
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IdamException("Reading Keycloak failed", failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IdamException("Interrupted while reading Keycloak", interrupted);
    }
  }
}

package org.stpkit.idam.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.stpkit.idam.Grant;
import org.stpkit.idam.Grants;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakException;
import org.stpkit.idam.ManagedUser;
import org.stpkit.idam.ManagedUsers;

/**
 * Reads the managed users with the access that matters, within the service account's least
 * privilege (ADR 0005): users by an exact search on the marker, groups and client roles by listing
 * their holders, realm roles per user.
 */
final class ManagedUserReader {
  private static final int PAGE = 500;
  /** Pages of the listing asked for at once. */
  private static final int PAGES_AHEAD = 3;

  private final RealmResource realm;
  /** Made once: each sub-resource of the admin client is a proxy built by reflection. */
  private final UsersResource userApi;
  private final RoleMappingCalls roleMappings;
  private final Retry retry;
  private final RealmLookups lookups;

  ManagedUserReader(RealmResource realm, RoleMappingCalls roleMappings, Retry retry, RealmLookups lookups) {
    this.realm = realm;
    this.userApi = realm.users();
    this.roleMappings = roleMappings;
    this.retry = retry;
    this.lookups = lookups;
  }

  /**
   * Every user carrying {@code managedBy} with the access that matters: membership of the groups
   * and holders of the client roles in {@code policyGrants} or recorded on any of the users (read
   * per group and per role, a page of 500 at a time), and, when any realm role matters, each
   * user's realm roles (read per user: listing a realm role's holders needs view-realm, which the
   * service account is deliberately not given). Everything is read by {@code workers} at once:
   * the listing's pages, the policy's holders (they need nothing from the listing) and each page's
   * realm roles, so that both Keycloak's cores and the client's are busy; a cold Keycloak spends
   * most of a re-run loading users (benchmarks/README.md).
   */
  List<ManagedUser> managedUsers(String managedBy, Grants policyGrants, ExecutorService workers,
      KeycloakDirectory.ReadProgress progress) {
    Map<String, List<Grant>> realmRolesByUser = new ConcurrentHashMap<>();
    Map<Grant, Set<String>> holdersByGrant = new ConcurrentHashMap<>();
    List<Future<?>> reads = new ArrayList<>();
    Set<Grant> holdersRead = new TreeSet<>();
    // Set when the listing is complete and found nobody: then the holders matter to no one, and their
    // reads stop at the next page. A first apply into a realm whose groups already have members the
    // tool does not manage would otherwise read every one of them to plan its joiners.
    AtomicBoolean nobodyManaged = new AtomicBoolean();
    for (Grant grant : policyGrants.all()) {
      if (grant.kind() != Grant.Kind.REALM_ROLE && holdersRead.add(grant)) {
        reads.add(workers.submit(() -> holdersByGrant.put(grant, holders(grant, nobodyManaged::get))));
      }
    }
    // Realm roles cost one call per user, so they are read only when the policy grants realm roles
    // or the tool recorded giving one; a policy that gives roles through groups needs none.
    boolean policyRealmRoles = policyGrants.all().stream().anyMatch(grant -> grant.kind() == Grant.Kind.REALM_ROLE);
    Map<String, UserRepresentation> users = listManaged(managedBy, workers, user -> {
      if (policyRealmRoles) {
        reads.add(workers.submit(() -> realmRolesByUser.put(user.getId(), realmRoles(user))));
      }
    });
    nobodyManaged.set(users.isEmpty());
    boolean recordedRealmRoles = false;
    for (UserRepresentation user : users.values()) {
      for (Grant grant : recorded(user)) {
        if (grant.kind() == Grant.Kind.REALM_ROLE) {
          recordedRealmRoles = true;
        } else if (holdersRead.add(grant)) {
          reads.add(workers.submit(() -> holdersByGrant.put(grant, holders(grant, () -> false))));
        }
      }
    }
    if (!policyRealmRoles && recordedRealmRoles) {
      for (UserRepresentation user : users.values()) {
        reads.add(workers.submit(() -> realmRolesByUser.put(user.getId(), realmRoles(user))));
      }
    }
    for (int done = 0; done < reads.size(); done++) {
      await(reads.get(done));
      progress.update(done + 1, reads.size());
    }
    Map<String, Set<Grant>> access = new HashMap<>();
    for (UserRepresentation user : users.values()) {
      access.put(user.getId(), new TreeSet<>(realmRolesByUser.getOrDefault(user.getId(), List.of())));
    }
    holdersByGrant.forEach((grant, holderIds) -> holderIds.stream().map(access::get).filter(Objects::nonNull)
        .forEach(grants -> grants.add(grant)));
    List<ManagedUser> managed = new ArrayList<>();
    for (UserRepresentation user : users.values()) {
      managed.add(managedUser(user, access.get(user.getId())));
    }
    return managed;
  }

  /**
   * Every managed user, each handed to {@code listed} as its page arrives. Pages are fetched
   * {@link #PAGES_AHEAD} at a time by {@code workers}, in the order they are asked for, until one
   * comes back short.
   */
  private Map<String, UserRepresentation> listManaged(String managedBy, ExecutorService workers,
      java.util.function.Consumer<UserRepresentation> listed) {
    Map<String, UserRepresentation> users = new LinkedHashMap<>();
    String query = ManagedUsers.MANAGED_BY + ":" + managedBy;
    java.util.Deque<Future<List<UserRepresentation>>> pages = new java.util.ArrayDeque<>();
    int next = 0;
    for (; next < PAGES_AHEAD * PAGE; next += PAGE) {
      pages.add(workers.submit(page(query, next)));
    }
    while (true) {
      List<UserRepresentation> page = await(pages.removeFirst());
      // Exact search already; checked again because a user who is not managed must never be changed.
      for (UserRepresentation user : page) {
        if (managedBy.equals(first(user.getAttributes(), ManagedUsers.MANAGED_BY))
            && users.putIfAbsent(user.getId(), user) == null) {
          listed.accept(user);
        }
      }
      if (page.size() < PAGE) {
        pages.forEach(ahead -> ahead.cancel(false)); // past the end: nothing there to read
        return users;
      }
      pages.add(workers.submit(page(query, next)));
      next += PAGE;
    }
  }

  private java.util.concurrent.Callable<List<UserRepresentation>> page(String query, int from) {
    return () -> retry.call("list managed users", () -> userApi.searchByAttributes(from, PAGE, null, true, false, query));
  }

  /**
   * The ids of the users holding {@code grant}, read a page at a time; only those read so far once
   * {@code unneeded} says nobody will look at them.
   */
  private Set<String> holders(Grant grant, BooleanSupplier unneeded) {
    Set<String> ids = new java.util.HashSet<>();
    Optional<String> container = grant.kind() == Grant.Kind.GROUP
        ? lookups.findGroupId(grant.name()) : lookups.findClientUuid(grant.client());
    if (container.isEmpty()) {
      return ids; // Nobody can hold what does not exist; adding it later reports the problem.
    }
    for (int first = 0; !unneeded.getAsBoolean(); first += PAGE) {
      int from = first;
      List<UserRepresentation> page;
      try {
        page = retry.call("list holders of " + grant.key(), () -> grant.kind() == Grant.Kind.GROUP
            ? realm.groups().group(container.get()).members(from, PAGE, true)
            : realm.clients().get(container.get()).roles().get(grant.name()).getUserMembers(true, from, PAGE));
      } catch (KeycloakException missing) {
        if (missing.status().equals(OptionalInt.of(404))) {
          return ids; // A client role that does not exist: nobody holds it.
        }
        throw missing;
      }
      page.forEach(holder -> ids.add(holder.getId()));
      if (page.size() < PAGE) {
        return ids;
      }
    }
    return ids;
  }

  private List<Grant> realmRoles(UserRepresentation user) {
    List<RoleRepresentation> mapped = retry.call("read realm roles of " + user.getUsername(),
        () -> roleMappings.realmRoles(user.getId()));
    List<Grant> grants = new ArrayList<>();
    for (RoleRepresentation role : mapped) {
      // Every user has the realm's default roles; they are the realm's business, not the policy's.
      if (!role.getName().startsWith("default-roles-")) {
        lookups.rememberRole("realm-role:" + role.getName(), role);
        grants.add(Grant.realmRole(role.getName()));
      }
    }
    return grants;
  }

  /** The managed users with this employee number (for one HR event). */
  List<ManagedUser> managedUsersWithEmployeeNumber(String managedBy, Set<String> clientIds, String employeeNumber) {
    List<UserRepresentation> found = retry.call("find employee " + employeeNumber,
        () -> userApi.searchByAttributes(0, 10, null, true, false,
            ManagedUsers.EMPLOYEE_NUMBER + ":" + employeeNumber));
    List<ManagedUser> users = new ArrayList<>();
    for (UserRepresentation user : found) {
      if (managedBy.equals(first(user.getAttributes(), ManagedUsers.MANAGED_BY))) {
        users.add(withAccess(user, clientIds));
      }
    }
    return users;
  }

  /** The managed user with this username, with all their access. */
  Optional<ManagedUser> managedUserNamed(String managedBy, Set<String> clientIds, String username) {
    List<UserRepresentation> found = retry.call("find user " + username,
        () -> userApi.searchByUsername(username, true));
    for (UserRepresentation user : found) {
      UserRepresentation full = retry.call("read user " + username, () -> userApi.get(user.getId()).toRepresentation());
      if (managedBy.equals(first(full.getAttributes(), ManagedUsers.MANAGED_BY))) {
        return Optional.of(withAccess(full, clientIds));
      }
    }
    return Optional.empty();
  }

  /** One user's access, read from the user: for an HR event, where one user is all there is to read. */
  private ManagedUser withAccess(UserRepresentation user, Set<String> clientIds) {
    UserResource resource = userApi.get(user.getId());
    Set<Grant> grants = new TreeSet<>();
    List<GroupRepresentation> groups = retry.call("read groups of " + user.getUsername(),
        () -> resource.groups(0, 1000, true));
    for (GroupRepresentation group : groups) {
      lookups.rememberGroup(group.getPath(), group.getId());
      grants.add(Grant.group(group.getPath()));
    }
    grants.addAll(realmRoles(user));
    Set<String> clients = new TreeSet<>(clientIds);
    recorded(user).stream().filter(grant -> grant.kind() == Grant.Kind.CLIENT_ROLE)
        .forEach(grant -> clients.add(grant.client()));
    for (String clientId : clients) {
      String clientUuid = lookups.clientUuid(clientId);
      List<RoleRepresentation> clientRoles = retry.call("read " + clientId + " roles of " + user.getUsername(),
          () -> resource.roles().clientLevel(clientUuid).listAll());
      for (RoleRepresentation role : clientRoles) {
        lookups.rememberRole("client-role:" + clientId + "/" + role.getName(), role);
        grants.add(Grant.clientRole(clientId, role.getName()));
      }
    }
    return managedUser(user, grants);
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

  /** An attribute's first value; {@code ""} when there is none. */
  static String first(@Nullable Map<String, List<String>> attributes, String name) {
    if (attributes == null) {
      return "";
    }
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static String text(@Nullable String value) {
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

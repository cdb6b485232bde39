package org.stpkit.idam.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.stpkit.idam.Change;
import org.stpkit.idam.Grants;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.KeycloakException;
import org.stpkit.idam.ManagedUser;

/**
 * Keycloak's admin API as the tool uses it, the one way in from the API: reading the managed users
 * ({@link ManagedUserReader}), applying changes ({@link ChangeApplier}) and the user profile
 * ({@link UserProfileAccess}), over one admin client ({@link KeycloakClients}) whose every call is
 * retried by {@link Retry}. Failures leave as {@link KeycloakException}s. Thread-safe.
 */
public final class KeycloakDirectory implements AutoCloseable {
  /** How many of the reads of users and access are done, of how many. */
  @FunctionalInterface
  public interface ReadProgress {
    void update(int done, int total);
  }

  private final Keycloak keycloak;
  private final ManagedUserReader reader;
  private final ChangeApplier applier;
  private final UserProfileAccess userProfile;

  public KeycloakDirectory(KeycloakConnection connection, int connections, int attempts, Duration firstDelay) {
    jakarta.ws.rs.client.Client http = KeycloakClients.http(connection, connections);
    this.keycloak = KeycloakClients.admin(connection, http);
    RealmResource realm = keycloak.realm(connection.realm());
    RoleMappingCalls roleMappings = new RoleMappingCalls(KeycloakClients.realmTarget(connection, http, keycloak));
    Retry retry = new Retry(attempts, firstDelay, Duration.ofSeconds(5), () -> keycloak.tokenManager().grantToken());
    RealmLookups lookups = new RealmLookups(realm, retry);
    this.reader = new ManagedUserReader(realm, roleMappings, retry, lookups);
    this.applier = new ChangeApplier(realm, roleMappings, retry, lookups);
    this.userProfile = new UserProfileAccess(realm, retry);
  }

  /** Every user carrying {@code managedBy}, with the access that matters (see {@link ManagedUserReader}). */
  public List<ManagedUser> managedUsers(String managedBy, Grants policyGrants, ExecutorService workers,
      ReadProgress progress) {
    return guarded("read the managed users", () -> reader.managedUsers(managedBy, policyGrants, workers, progress));
  }

  /** The managed users with this employee number (for one HR event), each with all their access. */
  public List<ManagedUser> managedUsersWithEmployeeNumber(String managedBy, Set<String> clientIds, String employeeNumber) {
    return guarded("find employee " + employeeNumber,
        () -> reader.managedUsersWithEmployeeNumber(managedBy, clientIds, employeeNumber));
  }

  /** The managed user with this username, with all their access; empty when there is none. */
  public Optional<ManagedUser> managedUserNamed(String managedBy, Set<String> clientIds, String username) {
    return guarded("find user " + username, () -> reader.managedUserNamed(managedBy, clientIds, username));
  }

  /**
   * Applies one change for the user named {@code username}; returns the user's id (new for a
   * created user).
   *
   * @throws KeycloakException naming the user, when Keycloak refuses or does not answer
   */
  public String apply(Optional<String> userId, String username, String managedBy, Change change) {
    try {
      return guarded(change.describe(), () -> applier.apply(userId, managedBy, change));
    } catch (KeycloakException failed) {
      throw failed.aboutUser(username);
    }
  }

  /** The attributes the realm's user profile does not declare (Keycloak drops undeclared attributes silently). */
  public List<String> undeclaredAttributes(List<String> names) {
    return guarded("read the user profile", () -> userProfile.undeclared(names));
  }

  /** The realm's user profile configuration (needs a realm administrator to change). */
  public UPConfig userProfile() {
    return guarded("read the user profile", userProfile::read);
  }

  public void updateUserProfile(UPConfig config) {
    guarded("update the user profile", () -> {
      userProfile.update(config);
      return null;
    });
  }

  @Override
  public void close() {
    keycloak.close();
  }

  /** Runs a call, turning any JAX-RS failure that escaped {@link Retry} into a {@link KeycloakException}. */
  private static <T> T guarded(String what, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (jakarta.ws.rs.WebApplicationException | jakarta.ws.rs.ProcessingException failed) {
      throw Retry.failure(what, failed);
    }
  }
}

package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

/**
 * One Keycloak with the joiners-movers-leavers realm for every integration test of the module that
 * can share it (each test marks its people with its own {@code managedBy}), started by the first
 * and stopped when the test JVM ends, so the module's run pays for one start. Tests that need a
 * Keycloak of their own (restarting it, another realm) stop this one first: every server uses the
 * same Keycloak home.
 */
final class SharedKeycloak {
  private static KeycloakServer server;

  private SharedKeycloak() {
  }

  /** The shared server, started if need be, with the tool's attributes declared in the realm's user profile. */
  static synchronized KeycloakServer jml() throws Exception {
    if (server == null) {
      KeycloakServer started = KeycloakServer.start("/keycloak/stp-jml-realm.json", JmlFixtures.REALM);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop shared Keycloak"));
      server = started;
    }
    UserProfileDeclaration.apply(JmlFixtures.realmAdministrator(server), JmlFixtures.policy("setup"));
    return server;
  }

  /** Stops the shared server, if running, for a test that starts its own; the next {@link #jml()} starts it again. */
  static synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}

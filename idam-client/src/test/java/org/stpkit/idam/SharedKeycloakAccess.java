package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

/** The shared Keycloak for tests in other packages of the module (the SCIM servlet's). */
public final class SharedKeycloakAccess {
  private SharedKeycloakAccess() {
  }

  public static KeycloakServer jml() throws Exception {
    return SharedKeycloak.jml();
  }

  public static KeycloakConnection serviceAccount(KeycloakServer keycloak) {
    return JmlFixtures.serviceAccount(keycloak);
  }
}

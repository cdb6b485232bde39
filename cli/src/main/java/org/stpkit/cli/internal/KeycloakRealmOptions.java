package org.stpkit.cli.internal;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --server} and {@code --realm}: the Keycloak realm an {@code stp idam} command works on. */
class KeycloakRealmOptions {
  @Option(names = "--server", paramLabel = "<url>", defaultValue = "${env:STP_KEYCLOAK_URL}",
      description = "Keycloak's base URL, such as https://sso.example.gov.uk (default: the STP_KEYCLOAK_URL"
          + " environment variable).")
  @Nullable String server;

  @Option(names = "--realm", paramLabel = "<realm>", defaultValue = "${env:STP_KEYCLOAK_REALM}",
      description = "The realm whose users are managed (default: the STP_KEYCLOAK_REALM environment variable).")
  @Nullable String realm;

  String server() {
    return required(server, "--server", "STP_KEYCLOAK_URL");
  }

  String realm() {
    return required(realm, "--realm", "STP_KEYCLOAK_REALM");
  }

  /**
   * The value of the environment variable {@code name}. Secrets come only from the environment:
   * a command-line value would show in {@code ps} and in shell history.
   */
  static String secretFromEnvironment(String name, String what, String option) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IdamCommand.UnusableInput(what + " is read from the environment variable " + name
          + ", which is not set (" + option + " names another variable)");
    }
    return value;
  }

  private static String required(@Nullable String value, String option, String variable) {
    if (value == null || value.isBlank()) {
      throw new IdamCommand.UnusableInput("give " + option + ", or set the environment variable " + variable);
    }
    return value;
  }
}

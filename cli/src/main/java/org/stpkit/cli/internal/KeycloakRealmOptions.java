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
   * A secret from a file (as container platforms mount them) when one is named, else from the
   * environment variable {@code name}. Never from the command line, where {@code ps} and shell
   * history would show it. One trailing line break in the file is ignored.
   */
  static String secret(java.nio.file.@Nullable Path file, String name, String what, String option) {
    if (file == null) {
      return secretFromEnvironment(name, what, option);
    }
    String value;
    try {
      value = java.nio.file.Files.readString(file).replaceFirst("\\r?\\n$", "");
    } catch (java.io.IOException e) {
      throw new IdamCommand.UnusableInput("cannot read " + what + " from " + file + ": " + e.getMessage());
    }
    if (value.isBlank()) {
      throw new IdamCommand.UnusableInput(what + " file " + file + " is empty");
    }
    return value;
  }

  /** The value of the environment variable {@code name}. */
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

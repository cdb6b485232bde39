package org.stpkit.cli.internal;

import org.stpkit.idam.KeycloakConnection;
import picocli.CommandLine.Option;

/**
 * How {@code stp idam plan}, {@code apply} and {@code event} reach Keycloak: the service account
 * of a confidential client in the managed realm, its secret taken from the environment.
 */
final class KeycloakServiceAccountOptions extends KeycloakRealmOptions {
  @Option(names = "--client-id", paramLabel = "<client id>", defaultValue = "${env:STP_IDAM_CLIENT_ID:-stp-idam}",
      description = "The confidential client whose service account the tool acts as (default: the"
          + " STP_IDAM_CLIENT_ID environment variable, else stp-idam).")
  String clientId = "stp-idam";

  @Option(names = "--client-secret-env", paramLabel = "<variable>", defaultValue = "STP_IDAM_CLIENT_SECRET",
      description = "The environment variable holding the client's secret (default: ${DEFAULT-VALUE}). The secret"
          + " is never taken on the command line, where ps and shell history would show it.")
  String clientSecretEnv = "STP_IDAM_CLIENT_SECRET";

  @Option(names = "--client-secret-file", paramLabel = "<file>",
      description = "A file holding the client's secret, as container platforms mount secrets; used instead of"
          + " the environment variable when given.")
  java.nio.file.@org.jspecify.annotations.Nullable Path clientSecretFile;

  /** The connection; fails, naming what is missing, before anything is read or sent. */
  KeycloakConnection connection() {
    String server = server();
    String realm = realm();
    String secret = secret(clientSecretFile, clientSecretEnv, "the client secret", "--client-secret-env");
    return KeycloakConnection.clientCredentials(server, realm, clientId, secret);
  }
}

package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.UserProfileDeclaration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stp idam declare-attributes}: the one-off realm setup, as a realm administrator. */
@Command(
    name = "declare-attributes",
    description = {
      "Declares the tool's attributes in the realm's user profile: once per realm, as an administrator.",
      "The attributes are the policy's HR attributes and the tool's own, viewable and editable by"
          + " administrators only. Keycloak 24 and later silently drops"
          + " attributes its user profile does not declare, so plan and apply refuse to run until this is done.",
      "Run it once per realm, and again when the policy's attributes change, as a realm administrator: the"
          + " tool's own service account deliberately cannot change realm configuration."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:declared, or already declared",
      "2:unusable input (a missing file, an invalid policy, no password), or Keycloak unreachable or refusing"
    })
final class IdamDeclareAttributesCommand implements Callable<Integer> {
  @Option(names = "--policy", required = true, paramLabel = "<file>", description = IdamCommand.POLICY_DESCRIPTION)
  Path policy;

  @Mixin KeycloakRealmOptions keycloak;

  @Option(names = "--admin-user", required = true, paramLabel = "<username>",
      description = "A realm administrator: an administrator of the managed realm, or of the admin realm.")
  String adminUser = "";

  @Option(names = "--admin-password-env", paramLabel = "<variable>", defaultValue = "STP_KEYCLOAK_ADMIN_PASSWORD",
      description = "The environment variable holding the administrator's password (default: ${DEFAULT-VALUE})."
          + " The password is never taken on the command line, where ps and shell history would show it.")
  String adminPasswordEnv = "STP_KEYCLOAK_ADMIN_PASSWORD";

  @Option(names = "--admin-password-file", paramLabel = "<file>",
      description = "A file holding the administrator's password; used instead of the environment variable when given.")
  java.nio.file.@org.jspecify.annotations.Nullable Path adminPasswordFile;

  @Option(names = "--admin-realm", paramLabel = "<realm>", defaultValue = "master",
      description = "The realm the administrator signs in to (default: ${DEFAULT-VALUE}).")
  String adminRealm = "master";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.run(spec, () -> {
      String server = keycloak.server();
      String realm = keycloak.realm();
      String password = KeycloakRealmOptions.secret(adminPasswordFile, adminPasswordEnv, "the administrator's password",
          "--admin-password-env");
      AccessPolicy accessPolicy = AccessPolicy.load(policy);
      List<String> declared = UserProfileDeclaration.apply(
          KeycloakConnection.adminPassword(server, realm, adminRealm, adminUser, password), accessPolicy);
      PrintWriter out = spec.commandLine().getOut();
      if (declared.isEmpty()) {
        out.println("already declared: the user profile of realm " + realm + " declares every attribute the"
            + " policy needs");
      } else {
        out.println("declared in the user profile of realm " + realm + ": " + String.join(", ", declared));
      }
      return IdamCommand.DONE;
    });
  }
}

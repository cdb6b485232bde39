package org.stpkit.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What {@code stp idam apply} and {@code event} take when they change Keycloak. */
final class IdamApplyOptions {
  @Option(names = "--allow-mass-change", description = "Apply even when the plan is over the policy's thresholds"
      + " (leavers, deletions, removals). Check the feed is whole first.")
  boolean allowMassChange;

  @Option(names = "--audit-log", paramLabel = "<file>",
      description = "The JSON-lines file every change is appended to (default: ${DEFAULT-VALUE}).")
  Path auditLog = IdamCommand.DEFAULT_AUDIT_LOG;
}

package org.stpkit.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code stp idam plan} and {@code apply} both take: the feed, the policy, how many at once, and Keycloak. */
final class IdamFeedOptions {
  @Option(names = "--feed", required = true, paramLabel = "<file>", description = IdamCommand.FEED_DESCRIPTION)
  Path feed;

  @Option(names = "--policy", required = true, paramLabel = "<file>", description = IdamCommand.POLICY_DESCRIPTION)
  Path policy;

  @Option(names = "--concurrency", paramLabel = "<n>", description = IdamCommand.CONCURRENCY_DESCRIPTION)
  int concurrency = 4;

  @Mixin KeycloakServiceAccountOptions keycloak;
}

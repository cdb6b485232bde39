package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stp notify simulator --config}: a configuration with problems is refused with every one at its line. */
class NotifySimulatorConfigTest {
  @Test
  void refusesAConfigurationWithEveryProblemAtItsLineAndColumn(@TempDir Path folder) throws Exception {
    Path config = folder.resolve("notify.yaml");
    Files.writeString(config, "templates:\n  - {id: 12, type: fax, body: x}\nrateLimit: 5\n");

    StpRunner.Result result = StpRunner.stp("", "notify", "simulator", "--config", config.toString(), "--port", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).containsExactly(
        "stp notify simulator: 3 problems in " + config,
        config + ":2:10: templates[0].id: must be a UUID, not the number 12",
        config + ":2:20: templates[0].type: must be email, sms or letter, not text 'fax'",
        config + ":3:1: rateLimit: unknown setting 'rateLimit'; settings here: $schema, serviceId, apiKeys, teamMembers,"
            + " templates, emailReplyTo, smsSenders, inboundNumber, services, rateLimitPerMinute, dailyLimits,"
            + " deliveryDelayMillis, callback");
  }
}

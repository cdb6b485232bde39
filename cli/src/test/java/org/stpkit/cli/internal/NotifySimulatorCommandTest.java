package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatorConfig;

/** {@code stp notify simulator} prints what a client needs: base URL, keys, templates. */
class NotifySimulatorCommandTest {
  @Test
  void printsTheBaseUrlKeysAndTemplatesOfTheExampleConfiguration() {
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.example(), "127.0.0.1", 0, Clock.systemUTC())) {
      StringWriter out = new StringWriter();
      NotifyCommand.describe(notify, new PrintWriter(out));

      assertThat(out.toString()).contains(
          "Notify simulator at " + notify.baseUrl(),
          "live  local-live-8b1a9953-4ad6-4d2f-8f2e-5b1a9e0c7d10-5f7c2a91-0c1e-4b8a-9d43-2e6f1a7b9c01",
          "email  1a7d6b21-5c8f-4d9e-8b32-4f6a8c0e2d02  Decision made",
          "letter 3c9f8d43-7eab-4fb0-8d54-6b8cae204f04",
          "Reply-to id: 6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02  decisions@example.gov.uk",
          "Text sender id: 7b1f4d2e-9a3c-4e8f-8d6b-2c4e6a8f0b13  HOMEOFFICE");
    }
  }
}

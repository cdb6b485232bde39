package org.stpkit.benchmarks;

import java.util.List;
import java.util.Optional;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * The Notify simulator in a process of its own, so that the load runs measure the adapter and not a
 * simulator sharing its JVM: {@code NotifySimulatorProcess <template id>}. Prints {@code READY
 * <base url> <live api key>} and runs until its standard input closes.
 */
public final class NotifySimulatorProcess {
  private NotifySimulatorProcess() {}

  public static void main(String[] args) throws Exception {
    SimulatedTemplate template = new SimulatedTemplate(args[0], TemplateType.EMAIL, "Decision",
        Optional.of("Decision on ((reference))"), "Your case ((reference)) has a decision.", 1);
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template))
        .withRateLimitPerMinute(100_000_000)
        .withDailyLimits(new SimulatorConfig.DailyLimits(100_000_000, 1, 1)))) {
      System.out.println("READY " + notify.baseUrl() + " " + notify.apiKey(KeyType.LIVE));
      System.out.flush();
      while (System.in.read() >= 0) {
        // Runs until the load run closes our standard input (or ends).
      }
    }
  }
}

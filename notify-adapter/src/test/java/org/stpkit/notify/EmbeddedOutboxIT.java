package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * The embedded H2 file outbox with its threads at work, round after round: {@code dispatchNow}
 * while the background run dispatches too, and received texts read between outcomes being
 * recorded. Each once failed one round in a few: a message SENDING after {@code dispatchNow}
 * returned (the background run had claimed it before taking a place), and a table "not found"
 * (H2 reopening the file while another thread's close of it was under way).
 */
class EmbeddedOutboxIT {
  private static final int ROUNDS = 25;
  private static final SimulatedTemplate DECISION = new SimulatedTemplate(UUID.randomUUID().toString(),
      TemplateType.EMAIL, "Decision", Optional.of("Decision on ((reference))"), "Dear ((name))", 1);

  @TempDir Path folder;

  private static MilestoneCatalogue catalogue() {
    return MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone.message("decision", message -> message
            .channels(Channel.EMAIL).template(Channel.EMAIL, DECISION.id()).recipient(Channel.EMAIL, "email")
            .personalise("name", "name").personalise("reference", "caseRef")))
        .build();
  }

  @Test
  void dispatchNowReturnsWithEveryDueMessageRecordedWhileTheBackgroundRunDispatchesToo() {
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(DECISION)));
        MilestoneMessenger messenger = MilestoneMessenger.builder()
            .catalogue(catalogue())
            .embeddedDatabase(folder.resolve("outbox"))
            .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
            .build()) {
      for (int round = 0; round < ROUNDS; round++) {
        String caseId = "HO-" + round;
        messenger.reached(caseId, "DECISION_MADE", CaseData.of(Map.of("email", "jo@example.com", "name", "Jo")));
        messenger.dispatchNow();
        assertThat(messenger.timeline(caseId)).as("round %d", round).singleElement()
            .satisfies(entry -> assertThat(entry.status()).isIn(OutboxStatus.SENT, OutboxStatus.DELIVERED));
      }
      assertThat(notify.notifications()).hasSize(ROUNDS);
    }
  }

  @Test
  void aNewMessengerReadsTextsToEachServiceOnItsFirstDispatch() {
    SimulatedTemplate code = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.SMS, "Security code",
        Optional.empty(), "Your code is ((code))", 1);
    SimulatorConfig config = SimulatorConfig.withTemplates(List.of(DECISION))
        .withService(SimulatedService.withTemplates("security", List.of(code)));
    try (NotifySimulator notify = NotifySimulator.start(config)) {
      for (int round = 0; round < ROUNDS; round++) {
        // A new outbox file each round: the failure was seen while a fresh file had just been migrated.
        List<ReceivedText> handled = new CopyOnWriteArrayList<>();
        String stop = "STOP " + round;
        try (MilestoneMessenger messenger = MilestoneMessenger.builder()
            .catalogue(catalogue())
            .embeddedDatabase(folder.resolve("outbox-" + round))
            .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
            .notifyService("security", notify.apiKey("security", KeyType.LIVE), notify.baseUrl())
            .onReceivedText(handled::add)
            .dispatchInBackground(false)
            .build()) {
          messenger.reached("HO-" + round, "DECISION_MADE", CaseData.of(Map.of("email", "jo@example.com", "name", "Jo")));
          notify.receiveText("security", "07700900123", stop);
          messenger.dispatchNow();
        }
        assertThat(handled).as("round %d", round).anySatisfy(text -> {
          assertThat(text.service()).isEqualTo("security");
          assertThat(text.content()).isEqualTo(stop);
        });
      }
    }
  }
}

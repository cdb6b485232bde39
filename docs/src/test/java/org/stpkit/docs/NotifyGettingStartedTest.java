package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.Reached;
import org.stpkit.notify.ReceivedText;
import org.stpkit.notify.TimelineEntry;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import uk.gov.service.notify.NotificationClient;

/** The samples of docs/developers/notify.md, run against the Notify simulator. */
class NotifyGettingStartedTest {
  @TempDir Path folder;

  @Test
  void aMilestoneBecomesAnEmailSentOnce() throws Exception {
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.example())) {
      String apiKey = notify.apiKey(KeyType.LIVE);
      String notifyUrl = notify.baseUrl();
      Path outboxFile = folder.resolve("outbox");
      // tag::messenger[]
      MilestoneMessenger messenger = MilestoneMessenger.builder()
          .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/notify/notify-milestones.yaml")))
          .embeddedDatabase(outboxFile)          // or .dataSource(postgres) on several nodes
          .notify(apiKey, notifyUrl)             // checks every template with Notify at build()
          .build();
      // end::messenger[]
      try (messenger) {
        // tag::reached[]
        CaseData data = CaseData.of(Map.of(
            "applicant", Map.of("firstName", "Jo", "email", "jo@example.com")));
        Reached reached = messenger.reached("HO-1234", "DECISION_MADE", data);   // queued, in its own transaction
        // end::reached[]
        messenger.dispatchNow();
        // tag::timeline[]
        List<TimelineEntry> timeline = messenger.timeline("HO-1234");   // QUEUED, SENT, DELIVERED with Notify's id
        // end::timeline[]

        assertThat(reached.queued()).hasSize(1);
        assertThat(timeline).singleElement().satisfies(entry -> assertThat(entry.status()).isIn(OutboxStatus.SENT, OutboxStatus.DELIVERED));
        assertThat(notify.notifications()).singleElement()
            .satisfies(sent -> {
              assertThat(sent.recipient()).isEqualTo("jo@example.com");
              assertThat(sent.body()).contains("Dear Jo", "HO-1234");
            });
        assertThat(messenger.reached("HO-1234", "DECISION_MADE", data).alreadyQueued()).hasSize(1);
      }
    }
  }

  @Test
  void aSecondServiceHearsATextSentToItInTheSimulator() throws Exception {
    SimulatedTemplate code = new SimulatedTemplate("4d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a", TemplateType.SMS,
        "Security code", Optional.empty(), "Your code is ((code))", 1);
    List<ReceivedText> handled = new CopyOnWriteArrayList<>();
    // tag::services[]
    SimulatorConfig config = SimulatorConfig.example()                      // the default service
        .withService(SimulatedService.withTemplates("security", List.of(code)));   // and a second one
    try (NotifySimulator notify = NotifySimulator.start(config);
        MilestoneMessenger messenger = MilestoneMessenger.builder()
            .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/notify/notify-milestones.yaml")))
            .embeddedDatabase(folder.resolve("outbox"))
            .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
            .notifyService("security", notify.apiKey("security", KeyType.LIVE), notify.baseUrl())
            .onReceivedText(handled::add)                                    // "STOP" handling, say
            .dispatchInBackground(false)
            .build()) {
      notify.receiveText("security", "07700900123", "STOP");               // someone texts the service
      messenger.dispatchNow();                                              // sends what is due, reads texts
    }
    // end::services[]

    assertThat(handled).singleElement().satisfies(text -> {
      assertThat(text.service()).isEqualTo("security");
      assertThat(text.content()).isEqualTo("STOP");
    });
  }

  @Test
  void theSimulatorAnswersTheOfficialClientAsNotifyDoes() throws Exception {
    // tag::simulator[]
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.example())) {
      NotificationClient client = new NotificationClient(notify.apiKey(KeyType.LIVE), notify.baseUrl());
      client.sendEmail("1a7d6b21-5c8f-4d9e-8b32-4f6a8c0e2d02", "jo@example.com",
          Map.of("name", "Jo", "reference", "HO-1234"), "HO-1234-decision");
      assertThat(notify.countByReference("HO-1234-decision")).isEqualTo(1L);
    }
    // end::simulator[]
  }
}

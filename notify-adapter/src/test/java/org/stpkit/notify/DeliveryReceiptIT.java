package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.stpkit.notify.TimelineEntry.EventKind;
import org.stpkit.notify.servlet.DeliveryReceiptServlet;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.TestWebServer;

/** Notify (the simulator) calls the receipt servlet in Jetty; the message's delivery is recorded once. */
class DeliveryReceiptIT {
  @Test
  void aReceiptThatOvertakesTheRecordingOfTheSendStillEndsTheMessage() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:receipts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.example())) {
      MilestoneMessenger messenger = MilestoneMessenger.builder()
          .catalogue(MilestoneCatalogue.builder().milestone("DECISION_MADE", m -> m.message("decision", msg -> msg
              .channels(Channel.EMAIL).template(Channel.EMAIL, UUID.randomUUID().toString()).recipient(Channel.EMAIL, "email")
              .personalise("reference", "caseRef"))).build())
          .dataSource(h2)
          .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
          .checkTemplatesAtStartup(false)
          .dispatchInBackground(false)
          .build();
      messenger.reached("HO-8", "DECISION_MADE", CaseData.of(Map.of("email", "jo@example.org")));
      // A node has claimed the message and sent it; Notify's answer is not yet recorded when its receipt comes.
      try (java.sql.Connection connection = h2.getConnection();
          java.sql.Statement claim = connection.createStatement()) {
        claim.executeUpdate("UPDATE notify_outbox SET status = 'SENDING', attempts = 1, next_attempt_at = NULL");
      }

      assertThat(messenger.deliveryReceipt(messenger.timeline("HO-8").get(0).notifyReference(), "delivered")).isTrue();

      TimelineEntry entry = messenger.timeline("HO-8").get(0);
      assertThat(entry.status()).isEqualTo(OutboxStatus.DELIVERED);
      assertThat(entry.events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED, EventKind.DELIVERED);
      assertThat(entry.events().get(1).detail()).hasValue(
          "Notify: delivered (delivery receipt); it arrived before the send's answer was recorded");
      messenger.close();
    }
  }

  @Test
  void recordsTheReceiptNotifySendsWithTheBearerToken() throws Exception {
    SimulatedTemplate template = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL, "Decision",
        Optional.of("Decision"), "Your case ((reference)) has a decision.", 1);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:receipts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    TestWebServer jetty = TestWebServer.start();
    String callback = jetty.url("/notify/receipts");
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template))
        .withDeliveryDelay(Duration.ofMillis(300))
        .withCallback(new SimulatorConfig.Callback(java.net.URI.create(callback), "a-long-callback-secret", 3,
            Duration.ofMillis(200))))) {
      MilestoneMessenger messenger = MilestoneMessenger.builder()
          .catalogue(MilestoneCatalogue.builder().milestone("DECISION_MADE", m -> m.message("decision", msg -> msg
              .channels(Channel.EMAIL).template(Channel.EMAIL, template.id()).recipient(Channel.EMAIL, "email")
              .personalise("reference", "caseRef"))).build())
          .dataSource(h2)
          .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
          .dispatchInBackground(false)
          .statusPollAfter(Duration.ofHours(1))
          .build();
      jetty.serve("/notify/receipts", new DeliveryReceiptServlet(messenger, "a-long-callback-secret"));

      messenger.reached("HO-7", "DECISION_MADE", CaseData.of(Map.of("email", "perm-fail@simulator.notify")));
      messenger.dispatchNow();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      // The status changes while the receipt's request is being answered; the simulator counts the
      // receipt once it has the answer, a moment later.
      while ((messenger.timeline("HO-7").get(0).status() != OutboxStatus.FAILED || notify.receiptsDelivered() < 1)
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }

      TimelineEntry entry = messenger.timeline("HO-7").get(0);
      assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
      assertThat(entry.failure()).hasValue("permanent-failure: Notify could not deliver it: permanent-failure");
      assertThat(entry.events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED, EventKind.SENT, EventKind.FAILED);
      assertThat(entry.events().get(2).detail()).hasValue("Notify: permanent-failure (delivery receipt)");
      assertThat(notify.receiptsDelivered()).isEqualTo(1);

      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> wrongToken = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(callback))
          .header("Authorization", "Bearer guess").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"reference\": \"" + entry.notifyReference() + "\", \"status\": \"delivered\"}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(wrongToken.statusCode()).isEqualTo(401);
      java.net.http.HttpResponse<String> again = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(callback))
          .header("Authorization", "Bearer a-long-callback-secret").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"reference\": \"" + entry.notifyReference() + "\", \"status\": \"delivered\"}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(204);
      assertThat(messenger.timeline("HO-7").get(0).status()).as("a final status is not changed by a later receipt").isEqualTo(OutboxStatus.FAILED);
      messenger.close();
    } finally {
      jetty.close();
    }
  }
}

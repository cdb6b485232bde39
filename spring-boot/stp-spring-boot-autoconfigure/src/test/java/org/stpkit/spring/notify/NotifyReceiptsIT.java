package org.stpkit.spring.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.spring.notify.StpNotifyAutoConfigurationTest.waitUntil;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.TimelineEntry;
import org.stpkit.notifysimulator.NotifySimulator;

/**
 * Notify's delivery receipts in a running service: with {@code stp.notify.receipts.path} set, the
 * receipt servlet is mapped there, and the simulator (standing in for Notify) calls it when a
 * message is delivered, with the bearer token. Status polling is put off for ten minutes, so a
 * message shows as delivered only because its receipt arrived.
 */
class NotifyReceiptsIT {
  @SpringBootConfiguration
  @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, StpNotifyAutoConfiguration.class})
  static class NotifyService {}

  @Test
  void aDeliveryReceiptFromNotifyMarksTheMessageDeliveredAndAWrongTokenIsRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path outbox = Files.createTempDirectory("stp-notify-receipts-").resolve("outbox");
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NotifyService.class)
        .properties("server.port=" + port, "spring.main.banner-mode=off",
            "stp.notify.catalogue=classpath:notify/milestones.yaml",
            "stp.notify.simulator.config=classpath:notify/simulator.yaml", "stp.notify.simulator.mode=always",
            "stp.notify.receipts.path=/notify/receipts", "stp.notify.receipts.bearer-token=receipt-token-for-tests",
            "stp.notify.status-poll-after=10m", "stp.notify.outbox.embedded-file=" + outbox)
        .run()) {
      MilestoneMessenger messenger = service.getBean(MilestoneMessenger.class);
      NotifySimulator simulator = service.getBean(NotifySimulator.class);
      service.getBean(TransactionalMilestones.class).reached("CASE-RECEIPT", "DECISION_MADE",
          CaseData.of(Map.of("applicant", Map.of("name", "Jo", "email", "receipt@example.com"))));

      waitUntil(() -> messenger.timeline("CASE-RECEIPT").stream().anyMatch(entry -> entry.status() == OutboxStatus.DELIVERED),
          "the delivery receipt marked the message delivered");
      // The simulator counts a receipt once our answer to it is back, a moment after the message is marked.
      waitUntil(() -> simulator.receiptsDelivered() >= 1, "the simulator counted the receipt as delivered");
      assertThat(simulator.receiptsDelivered()).isEqualTo(1);
      assertThat(messenger.timeline("CASE-RECEIPT")).singleElement().satisfies(entry -> assertThat(entry.events())
          .extracting(TimelineEntry.Event::status).contains(TimelineEntry.EventKind.SENT, TimelineEntry.EventKind.DELIVERED));

      HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/notify/receipts"))
          .header("Authorization", "Bearer not-the-token").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"reference\": \"stp-x\", \"status\": \"delivered\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(401);
    }
  }
}

package org.stpkit.notifysimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;

/** Delivery-receipt callbacks and the inspection API. */
class SimulatorFeaturesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sendsDeliveryReceiptsWithTheBearerTokenAndRetriesFailures() throws Exception {
    List<JsonNode> receipts = new CopyOnWriteArrayList<>();
    List<String> tokens = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext("/notify/receipts", exchange -> {
      try (exchange) {
        // The first call fails, as a service briefly down would: Notify tries again.
        if (calls.incrementAndGet() == 1) {
          exchange.sendResponseHeaders(503, -1);
          return;
        }
        tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
        receipts.add(JSON.readTree(exchange.getRequestBody()));
        exchange.sendResponseHeaders(204, -1);
      }
    });
    service.start();
    URI callback = URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/notify/receipts");
    SimulatorConfig config = SimulatorConfig.withTemplates(List.of(OfficialClientIT.EMAIL))
        .withCallback(new SimulatorConfig.Callback(callback, "receipt-secret", 5, Duration.ofMillis(100)))
        .withDeliveryDelay(Duration.ofMillis(200));
    try (NotifySimulator notify = NotifySimulator.start(config)) {
      String id = new NotificationClient(notify.apiKey(KeyType.LIVE), notify.baseUrl())
          .sendEmail(OfficialClientIT.EMAIL.id(), "perm-fail@simulator.notify",
              Map.of("name", "Jo", "reference", "x", "urgent", "no"), "HO-1-decision")
          .getNotificationId().toString();

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      // The service records the receipt before it answers; the simulator counts it once it has the answer.
      while ((receipts.isEmpty() || notify.receiptsDelivered() == 0) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(receipts).singleElement().satisfies(receipt -> {
        assertThat(receipt.path("id").asText()).isEqualTo(id);
        assertThat(receipt.path("reference").asText()).isEqualTo("HO-1-decision");
        assertThat(receipt.path("status").asText()).isEqualTo("permanent-failure");
        assertThat(receipt.path("to").asText()).isEqualTo("perm-fail@simulator.notify");
        assertThat(receipt.path("notification_type").asText()).isEqualTo("email");
        assertThat(receipt.path("template_id").asText()).isEqualTo(OfficialClientIT.EMAIL.id());
        assertThat(receipt.has("created_at") && receipt.has("completed_at") && receipt.has("sent_at")).isTrue();
      });
      assertThat(tokens).containsExactly("Bearer receipt-secret");
      assertThat(notify.receiptsDelivered()).isEqualTo(1);
    } finally {
      service.stop(0);
    }
  }

  @Test
  void hasAnInspectionApiForTestsAndDemos() throws Exception {
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(OfficialClientIT.SMS)))) {
      new NotificationClient(notify.apiKey(KeyType.TEST), notify.baseUrl())
          .sendSms(OfficialClientIT.SMS.id(), "07700900123", Map.of("name", "Jo", "date", "1 May"), "HO-9-reminder");
      HttpClient http = HttpClient.newHttpClient();
      JsonNode sent = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/_simulator/notifications"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).path("reference").asText()).isEqualTo("HO-9-reminder");
      assertThat(sent.get(0).path("body").asText()).isEqualTo("Hi Jo, your appointment is on 1 May.");
      assertThat(sent.get(0).path("key_type").asText()).isEqualTo("test");

      http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/_simulator/faults"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"serverErrorRate\": 0.5, \"latencyMillis\": 5}", StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(notify.faults().serverErrorRate()).isEqualTo(0.5);
      JsonNode counted = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/_simulator/requests"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(counted.path("send").asLong()).isEqualTo(1);
      assertThat(counted.path("lookup").asLong()).isZero();
      assertThat(counted.size()).isEqualTo(RequestKind.values().length);

      http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/_simulator/reset"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(notify.notifications()).isEmpty();
      assertThat(notify.faults().serverErrorRate()).isZero();
      assertThat(notify.requests(RequestKind.SEND)).isZero();
      JsonNode afterReset = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/_simulator/requests"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(afterReset.path("send").asLong()).isZero();
    }
  }
}

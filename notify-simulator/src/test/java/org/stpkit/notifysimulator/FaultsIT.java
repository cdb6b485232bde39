package org.stpkit.notifysimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every fault, seen from a client over HTTP: latency per kind, no answer, reset, the hold gate, the faults route. */
class FaultsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SimulatedTemplate SMS = OfficialClientIT.SMS;

  private final NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(SMS)));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    notify.close();
  }

  @Test
  void aHeldSendIsStoredAndAnsweredOnlyWhenReleased() throws Exception {
    notify.faults().hold(RequestKind.SEND);
    CompletableFuture<HttpResponse<String>> send = http.sendAsync(send("held-1"), HttpResponse.BodyHandlers.ofString());

    await(() -> notify.held(RequestKind.SEND) == 1);
    assertThat(notify.countByReference("held-1")).as("stored while held, as Notify would have it").isEqualTo(1);
    // Other kinds of request still answer while sends are held.
    assertThat(http.send(lookup("held-1"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    Thread.sleep(200);
    assertThat(send).isNotDone();

    notify.faults().release(RequestKind.SEND);
    HttpResponse<String> answer = send.get(10, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(answer.body()).path("reference").asText()).isEqualTo("held-1");
    assertThat(notify.held(RequestKind.SEND)).isZero();
    // Released for good: the next send answers at once.
    assertThat(http.send(send("held-2"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
  }

  @Test
  void aHeldStatusReadOrLookupWaitsAndAClientThatGaveUpJustHasAClosedConnection() throws Exception {
    String id = JSON.readTree(http.send(send("poll-1"), HttpResponse.BodyHandlers.ofString()).body()).path("id").asText();
    notify.faults().hold(RequestKind.STATUS).hold(RequestKind.LOOKUP);
    HttpRequest status = HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/v2/notifications/" + id))
        .header("Authorization", bearer()).timeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> http.send(status, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    CompletableFuture<HttpResponse<String>> lookup = http.sendAsync(lookup("poll-1"), HttpResponse.BodyHandlers.ofString());
    await(() -> notify.held(RequestKind.STATUS) == 1 && notify.held(RequestKind.LOOKUP) == 1);

    notify.faults().release(RequestKind.STATUS);
    assertThat(notify.held(RequestKind.STATUS)).isZero();
    assertThat(lookup).isNotDone();
    notify.faults().release(RequestKind.LOOKUP);
    assertThat(JSON.readTree(lookup.get(10, TimeUnit.SECONDS).body()).path("notifications")).hasSize(1);
    // The simulator is unharmed by the answer nobody read.
    assertThat(http.send(HttpRequest.newBuilder(status.uri()).header("Authorization", bearer()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void requestsAreCountedByKindWhateverBecameOfThemUntilReset() throws Exception {
    notify.faults().rateLimitRate(1);
    assertThat(http.send(send("counted-1"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(429);
    notify.faults().clear();
    http.send(send("counted-2"), HttpResponse.BodyHandlers.ofString());
    http.send(lookup("counted-2"), HttpResponse.BodyHandlers.ofString());

    assertThat(notify.requests(RequestKind.SEND)).isEqualTo(2);
    assertThat(notify.requests(RequestKind.LOOKUP)).isEqualTo(1);
    assertThat(notify.requests(RequestKind.STATUS)).isZero();
    notify.reset();
    assertThat(notify.requests(RequestKind.SEND)).isZero();
    assertThat(notify.requests(RequestKind.LOOKUP)).isZero();
  }

  @Test
  void latencyDelaysTheAnswersOfItsKindOnly() throws Exception {
    notify.faults().latency(RequestKind.LOOKUP, Duration.ofMillis(400));
    long started = System.nanoTime();
    assertThat(http.send(lookup("x"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

    notify.faults().latency(Duration.ofMillis(300));
    assertThat(notify.faults().latency(RequestKind.SEND)).isEqualTo(Duration.ofMillis(300));
    started = System.nanoTime();
    assertThat(http.send(send("slow"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aSendWithNoAnswerIsStoredAndLeavesTheClientWaitingItsTimeout() throws Exception {
    notify.faults().dropAfterAcceptRate(1);
    long started = System.nanoTime();
    HttpRequest send = send("dropped", Duration.ofMillis(700));

    assertThatThrownBy(() -> http.send(send, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(notify.countByReference("dropped")).isEqualTo(1);
  }

  @Test
  void aResetSendIsStoredAndItsConnectionClosedAtOnce() throws Exception {
    notify.faults().resetAfterAcceptRate(1);
    long started = System.nanoTime();
    HttpRequest send = send("reset", Duration.ofSeconds(20));

    assertThatThrownBy(() -> http.send(send, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(notify.countByReference("reset")).isEqualTo(1);
  }

  @Test
  void theFaultsRouteSetsEveryFaultAndRefusesBadSettings() throws Exception {
    HttpResponse<String> set = post("/_simulator/faults", "{\"latencyMillis\": 5, \"latencyMillisByKind\": {\"status\": 20},"
        + " \"serverErrorRate\": 0.1, \"rateLimitRate\": 0.05, \"dropAfterAcceptRate\": 0.02,"
        + " \"resetAfterAcceptRate\": 0.03, \"hold\": [\"lookup\"]}");
    assertThat(set.statusCode()).isEqualTo(200);
    Faults faults = notify.faults();
    assertThat(faults.latency()).isEqualTo(Duration.ofMillis(5));
    assertThat(faults.latency(RequestKind.STATUS)).isEqualTo(Duration.ofMillis(20));
    assertThat(faults.serverErrorRate()).isEqualTo(0.1);
    assertThat(faults.rateLimitRate()).isEqualTo(0.05);
    assertThat(faults.dropAfterAcceptRate()).isEqualTo(0.02);
    assertThat(faults.resetAfterAcceptRate()).isEqualTo(0.03);
    assertThat(faults.holds(RequestKind.LOOKUP)).isTrue();

    CompletableFuture<HttpResponse<String>> lookup = http.sendAsync(lookup("x"), HttpResponse.BodyHandlers.ofString());
    await(() -> notify.held(RequestKind.LOOKUP) == 1);
    JsonNode shown = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/_simulator/faults")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(shown.path("held").path("lookup").asInt()).isEqualTo(1);
    assertThat(shown.path("hold").toString()).isEqualTo("[\"lookup\"]");
    assertThat(shown.path("latencyMillisByKind").path("status").asLong()).isEqualTo(20);

    // Settings left out are off: this releases the lookup.
    assertThat(post("/_simulator/faults", "{}").statusCode()).isEqualTo(200);
    assertThat(lookup.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(faults.serverErrorRate()).isZero();
    assertThat(faults.latency(RequestKind.STATUS)).isZero();

    assertThat(post("/_simulator/faults", "{\"serverErrorRate\": 2}").body())
        .contains("serverErrorRate must be a number from 0 to 1, not 2");
    assertThat(post("/_simulator/faults", "{\"hold\": [\"sends\"]}").body())
        .contains("hold: 'sends' is not a kind of request; kinds: send, lookup, status, template, received_texts, other");
    assertThat(post("/_simulator/faults", "{\"latencyMilis\": 5}").body()).contains("Unknown fault 'latencyMilis'");
    assertThat(post("/_simulator/faults", "{\"latencyMillis\": 5, \"latencyMillisByKind\": {\"send\": 5}}").statusCode())
        .isEqualTo(400);
    post("/_simulator/faults", "{\"rateLimitRate\": 0.5}");
    assertThat(post("/_simulator/faults", "{\"rateLimitRate\": 0.1, \"hold\": [\"sends\"]}").statusCode()).isEqualTo(400);
    assertThat(faults.rateLimitRate()).as("a refused setting changes nothing").isEqualTo(0.5);
  }

  @Test
  void resetAnswersEveryHeldRequest() throws Exception {
    notify.faults().hold(RequestKind.SEND);
    CompletableFuture<HttpResponse<String>> send = http.sendAsync(send("held"), HttpResponse.BodyHandlers.ofString());
    await(() -> notify.held(RequestKind.SEND) == 1);
    notify.reset();
    assertThat(send.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    assertThat(notify.faults().holds(RequestKind.SEND)).isFalse();
  }

  private HttpRequest send(String reference) throws Exception {
    return send(reference, Duration.ofSeconds(30));
  }

  private HttpRequest send(String reference, Duration timeout) throws Exception {
    return HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/v2/notifications/sms"))
        .header("Authorization", bearer()).header("Content-Type", "application/json").timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(sendBody(reference))).build();
  }

  private static String sendBody(String reference) {
    return "{\"template_id\": \"" + SMS.id() + "\", \"phone_number\": \"07700900123\", \"reference\": \"" + reference
        + "\", \"personalisation\": {\"name\": \"Jo\", \"date\": \"1 May\"}}";
  }

  private HttpRequest lookup(String reference) throws Exception {
    return HttpRequest.newBuilder(URI.create(notify.baseUrl() + "/v2/notifications?reference=" + reference))
        .header("Authorization", bearer()).build();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(notify.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String bearer() throws Exception {
    ApiKey live = notify.config().apiKeys().get(0);
    return "Bearer " + JwtForTests.token(notify.config().serviceId(), live.secret(), Instant.now());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}

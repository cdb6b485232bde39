package org.stpkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiving system of the load run: verifies each webhook's JWS against the instances' published
 * JWK set, and counts what arrived: requests, submissions by reference (with the idempotency keys
 * they came under), and references by the journey token in their answers, so that a journey sent
 * twice (two references) shows as a duplicate however it happened.
 */
final class SubmissionReceiver implements AutoCloseable {
  /** Numbers read as written ({@code 12.50}), so answers compare exactly. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  /** A submission as processed: its answers, and the idempotency keys it came under. */
  record Received(JsonNode answers, Set<String> keys) {}

  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger unverified = new AtomicInteger();
  final Map<String, Received> byReference = new ConcurrentHashMap<>();
  final Map<String, Set<String>> referencesByToken = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final JWKSet keys;

  SubmissionReceiver(int port, URI jwkSet) throws Exception {
    this.keys = JWKSet.load(jwkSet.toURL());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    server.createContext("/submissions", this::receive);
    server.setExecutor(Executors.newFixedThreadPool(8, FormsJourneyLoad.daemon("receiver")));
    server.start();
  }

  private void receive(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
    JsonNode submission;
    try {
      JWSObject jws = JWSObject.parse(body);
      JWK jwk = keys.getKeyByKeyId(jws.getHeader().getKeyID());
      if (!(jwk instanceof ECKey ec) || !jws.verify(new ECDSAVerifier(ec))) {
        throw new IllegalArgumentException("signature not verified");
      }
      submission = JSON.readTree(jws.getPayload().toString());
    } catch (Exception e) {
      unverified.incrementAndGet();
      answer(exchange, 401);
      return;
    }
    String reference = submission.get("reference").asText();
    byReference.computeIfAbsent(reference, r -> new Received(submission.get("answers"), ConcurrentHashMap.newKeySet()))
        .keys().add(key);
    String token = submission.path("answers").path("licenceName").asText();
    referencesByToken.computeIfAbsent(token, t -> ConcurrentHashMap.newKeySet()).add(reference);
    answer(exchange, 200);
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    try (OutputStream out = exchange.getResponseBody()) {
      out.flush();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

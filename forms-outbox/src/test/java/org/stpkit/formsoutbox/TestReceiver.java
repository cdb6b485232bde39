package org.stpkit.formsoutbox;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiving system as a team would write one: it verifies each POST's JWS against the service's
 * published JWK set, drops a repeat of an idempotency key it has already processed (answering 200),
 * and processes the rest. The test sets its {@link Mode}: accepting, down (503), refusing (400), or
 * holding requests unanswered.
 */
final class TestReceiver implements AutoCloseable {
  enum Mode { ACCEPT, UNAVAILABLE, REFUSE, HOLD }

  /** One request as it arrived. */
  record Request(String idempotencyKey, String contentType, boolean verified, String payload) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** Processed submissions by idempotency key: what the receiving system acted on. */
  final Map<String, String> processed = new ConcurrentHashMap<>();
  /** How many requests were answered 2xx. */
  final AtomicInteger answeredOk = new AtomicInteger();
  private final HttpServer server;
  private final URI jwkSet;
  private volatile Mode mode = Mode.ACCEPT;
  private volatile CountDownLatch held = new CountDownLatch(1);

  TestReceiver(int port, URI jwkSet) throws IOException {
    this.jwkSet = jwkSet;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.createContext("/submissions", this::receive);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/submissions");
  }

  void mode(Mode mode) {
    this.mode = mode;
    if (mode != Mode.HOLD) {
      held.countDown();
      held = new CountDownLatch(1);
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String payload = verify(body);
    requests.add(new Request(String.valueOf(key), exchange.getRequestHeaders().getFirst("Content-Type"),
        payload != null, payload == null ? "" : payload));
    Mode now = mode;
    if (now == Mode.HOLD) {
      try {
        held.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now = Mode.ACCEPT;
    }
    if (payload == null) {
      answer(exchange, 401, "signature not verified");
    } else if (now == Mode.UNAVAILABLE) {
      answer(exchange, 503, "down for maintenance");
    } else if (now == Mode.REFUSE) {
      answer(exchange, 400, "{\"error\": \"unknown form\"}");
    } else {
      // Processed once per idempotency key; a repeat is answered as if processed again.
      processed.putIfAbsent(key, payload);
      answer(exchange, 200, "ok");
    }
  }

  /** The JWS's payload if its signature verifies with a key of the published set; null otherwise. */
  private String verify(String body) {
    try {
      JWSObject jws = JWSObject.parse(body);
      JWK key = JWKSet.load(jwkSet.toURL()).getKeyByKeyId(jws.getHeader().getKeyID());
      if (!(key instanceof ECKey ec) || !jws.verify(new ECDSAVerifier(ec))) {
        return null;
      }
      return jws.getPayload().toString();
    } catch (Exception e) {
      return null;
    }
  }

  private void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      if (status / 100 == 2) {
        answeredOk.incrementAndGet();
      }
    } catch (IOException e) {
      // The sender went away (it was killed while this request was held).
    }
  }

  @Override
  public void close() {
    mode(Mode.ACCEPT);
    server.stop(0);
  }
}

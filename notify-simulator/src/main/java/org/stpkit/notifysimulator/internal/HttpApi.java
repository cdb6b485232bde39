package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.Faults;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Notify's v2 routes over the JDK's HTTP server, plus the simulator's own inspection routes under
 * {@code /_simulator}: {@code GET notifications}, {@code POST reset}, {@code POST faults}.
 */
public final class HttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEND = Pattern.compile("^/v2/notifications/(email|sms|letter)$");
  private static final Pattern NOTIFICATION = Pattern.compile("^/v2/notifications/([^/]+)$");
  private static final Pattern TEMPLATE = Pattern.compile("^/v2/template/([^/]+)$");
  private static final Pattern TEMPLATE_VERSION = Pattern.compile("^/v2/template/([^/]+)/version/[0-9]+$");
  private static final Pattern PREVIEW = Pattern.compile("^/v2/template/([^/]+)/preview$");

  private final Simulation simulation;
  private final Faults faults;
  private final String baseUrl;

  public HttpApi(Simulation simulation, Faults faults, String baseUrl) {
    this.simulation = simulation;
    this.faults = faults;
    this.baseUrl = baseUrl;
  }

  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/_simulator/")) {
        inspect(exchange, method, path);
        return;
      }
      Simulation.Either auth = simulation.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (auth.key().isEmpty()) {
        respond(exchange, auth.refusal());
        return;
      }
      ApiKey key = auth.key().get();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher matcher;
      if (method.equals("POST") && (matcher = SEND.matcher(path)).matches()) {
        send(exchange, key, TemplateType.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT)), body);
      } else if (method.equals("GET") && path.equals("/v2/notifications")) {
        respond(exchange, simulation.list(key, query(exchange), baseUrl));
      } else if (method.equals("GET") && (matcher = NOTIFICATION.matcher(path)).matches()) {
        respond(exchange, simulation.get(key, matcher.group(1), baseUrl));
      } else if (method.equals("GET") && ((matcher = TEMPLATE.matcher(path)).matches()
          || (matcher = TEMPLATE_VERSION.matcher(path)).matches())) {
        respond(exchange, simulation.template(matcher.group(1)));
      } else if (method.equals("POST") && (matcher = PREVIEW.matcher(path)).matches()) {
        respond(exchange, simulation.preview(matcher.group(1), body));
      } else {
        respond(exchange, Simulation.error(404, "NotFound", "The requested URL was not found on the server."));
      }
    } catch (DroppedConnection e) {
      // Closing the exchange before any answer makes the server drop the connection.
      return;
    } catch (RuntimeException e) {
      respond(exchange, Simulation.error(500, "Exception", "Internal server error"));
    }
  }

  private void send(HttpExchange exchange, ApiKey key, TemplateType type, String body) throws IOException {
    sleep(faults.latency().toMillis());
    double roll = ThreadLocalRandom.current().nextDouble();
    if (roll < faults.serverErrorRate()) {
      respond(exchange, Simulation.error(500, "Exception", "Internal server error"));
      return;
    }
    if (roll < faults.serverErrorRate() + faults.rateLimitRate()) {
      respond(exchange, Simulation.error(429, "RateLimitError",
          "Exceeded rate limit for key type " + key.type() + " of 3000 requests per 60 seconds"));
      return;
    }
    Simulation.Answer answer = simulation.send(key, type, body, baseUrl);
    if (answer.status() == 201 && ThreadLocalRandom.current().nextDouble() < faults.dropAfterAcceptRate()) {
      // Accepted and stored, but the client hears nothing: the case a client must look up by reference.
      throw new DroppedConnection();
    }
    respond(exchange, answer);
  }

  /** Ends the exchange half-way: the server closes the connection without a complete answer. */
  private static final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super(null, null, false, false);
    }
  }

  private void inspect(HttpExchange exchange, String method, String path) throws IOException {
    if (method.equals("GET") && path.equals("/_simulator/notifications")) {
      ArrayNode list = JSON.createArrayNode();
      for (SimulatedNotification notification : simulation.notifications()) {
        list.add(JSON.valueToTree(inspectionView(notification)));
      }
      respond(exchange, new Simulation.Answer(200, list));
    } else if (method.equals("POST") && path.equals("/_simulator/reset")) {
      simulation.reset();
      faults.clear();
      respond(exchange, new Simulation.Answer(200, JSON.createObjectNode().put("reset", true)));
    } else if (method.equals("POST") && path.equals("/_simulator/faults")) {
      JsonNode settings = JSON.readTree(exchange.getRequestBody());
      faults.latency(java.time.Duration.ofMillis(settings.path("latencyMillis").asLong(0)))
          .serverErrorRate(settings.path("serverErrorRate").asDouble(0))
          .rateLimitRate(settings.path("rateLimitRate").asDouble(0))
          .dropAfterAcceptRate(settings.path("dropAfterAcceptRate").asDouble(0));
      respond(exchange, new Simulation.Answer(200, settings));
    } else {
      respond(exchange, Simulation.error(404, "NotFound", "The requested URL was not found on the server."));
    }
  }

  private static Map<String, Object> inspectionView(SimulatedNotification notification) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", notification.id());
    view.put("reference", notification.reference().orElse(null));
    view.put("type", notification.type().apiName());
    view.put("template_id", notification.templateId());
    view.put("key_type", notification.keyType().name().toLowerCase(java.util.Locale.ROOT));
    view.put("recipient", notification.recipient());
    view.put("personalisation", notification.personalisation());
    view.put("subject", notification.subject().orElse(null));
    view.put("body", notification.body());
    view.put("status", notification.status());
    view.put("created_at", notification.createdAt().toString());
    return view;
  }

  private static Map<String, List<String>> query(HttpExchange exchange) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static void respond(HttpExchange exchange, Simulation.Answer answer) throws IOException {
    byte[] body = JSON.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.stpkit.notify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import uk.gov.service.notify.Authentication;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationList;

/**
 * Notify's v2 API with the official client's JWT and response classes over the JDK's HTTP client,
 * for the two things the official client's own transport cannot do (docs/adr/0004): connect and
 * read timeouts, and never resending a POST by itself (its {@code HttpURLConnection} resends a POST
 * once when the connection drops, which makes a duplicate message).
 */
public final class NotifyTransport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String serviceId;
  private final String secret;
  private final String baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;

  /** What a send came to. */
  public sealed interface Outcome {
    /** Notify has it. */
    record Accepted(String notifyId) implements Outcome {}

    /** Notify refused it for good (400, 403): Notify's error type and message. */
    record Refused(int status, String errorType, String message) implements Outcome {}

    /** Worth trying again later (429, 5xx): nothing was accepted. */
    record TryAgain(int status, String errorType, String message) implements Outcome {}

    /** No answer (timeout, dropped connection): Notify may or may not have it. */
    record Unknown(String reason) implements Outcome {}
  }

  /** A message's state in Notify. */
  public record Found(String notifyId, String status) {}

  public NotifyTransport(String apiKey, String baseUrl, Duration connectTimeout, Duration requestTimeout) {
    if (apiKey.length() < 74) {
      throw new IllegalArgumentException("Not a Notify API key: it must end with the service id and the secret");
    }
    // As Notify's clients read a key: {name}-{service id}-{secret}, both UUIDs.
    this.secret = apiKey.substring(apiKey.length() - 36);
    this.serviceId = apiKey.substring(apiKey.length() - 73, apiKey.length() - 37);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** POST /v2/notifications/{channel}. */
  public Outcome send(String channel, String templateId, String recipient, Map<String, Object> personalisation,
      String reference) {
    ObjectNode body = JSON.createObjectNode();
    body.put("template_id", templateId);
    if (channel.equals("email")) {
      body.put("email_address", recipient);
    } else if (channel.equals("sms")) {
      body.put("phone_number", recipient);
    }
    body.set("personalisation", JSON.valueToTree(personalisation));
    body.put("reference", reference);
    HttpResponse<String> response;
    try {
      response = http.send(request("/v2/notifications/" + channel)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Outcome.Unknown(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Unknown("interrupted");
    }
    int status = response.statusCode();
    if (status == 201) {
      try {
        return new Outcome.Accepted(JSON.readTree(response.body()).path("id").asText());
      } catch (IOException e) {
        return new Outcome.Unknown("201 with a body that is not JSON");
      }
    }
    String[] error = error(response.body());
    if (status == 429 || status >= 500) {
      return new Outcome.TryAgain(status, error[0], error[1]);
    }
    return new Outcome.Refused(status, error[0], error[1]);
  }

  /** The message Notify has with this reference, if any (GET /v2/notifications?reference=). */
  public Optional<Found> findByReference(String reference) throws IOException {
    String json = get("/v2/notifications?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    NotificationList list = new NotificationList(json);
    return list.getNotifications().stream().findFirst()
        .map(notification -> new Found(notification.getId().toString(), notification.getStatus()));
  }

  /** A message's status in Notify (GET /v2/notifications/{id}). */
  public Found status(String notifyId) throws IOException {
    Notification notification = new Notification(get("/v2/notifications/" + notifyId));
    return new Found(notification.getId().toString(), notification.getStatus());
  }

  private String get(String path) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      String[] error = error(response.body());
      throw new IOException("GET " + path + ": " + response.statusCode() + " " + error[0] + ": " + error[1]);
    }
    return response.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + new Authentication().create(serviceId, secret))
        .header("User-Agent", "stp-kit-notify-adapter");
  }

  /** Notify's error type and message from an error body. */
  private static String[] error(String body) {
    try {
      JsonNode first = JSON.readTree(body).path("errors").path(0);
      return new String[] {first.path("error").asText("Error"), first.path("message").asText(body)};
    } catch (IOException e) {
      return new String[] {"Error", body.length() > 200 ? body.substring(0, 200) : body};
    }
  }
}

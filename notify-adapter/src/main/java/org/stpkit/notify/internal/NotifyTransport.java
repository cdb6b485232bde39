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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import uk.gov.service.notify.Authentication;

/**
 * Notify's v2 API over the JDK's HTTP client, asynchronously, with the official client's JWT
 * (docs/adr/0004): connect and request timeouts on every call, and never a POST sent twice by the
 * transport itself (the official client's {@code HttpURLConnection} resends a POST when a
 * connection drops). Requests run concurrently without a thread each, so a slow or unanswered
 * request holds only itself.
 */
public final class NotifyTransport {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Notify accepts a token whose {@code iat} is within 30 s of its clock; one is reused for 10 s. */
  private static final Duration TOKEN_REUSE = Duration.ofSeconds(10);

  private final String serviceId;
  private final String secret;
  private final String baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;
  private volatile Token token = new Token("", Instant.EPOCH);

  private record Token(String value, Instant madeAt) {}

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

  /** A text message someone sent to the service's number. */
  public record ReceivedText(String id, String userNumber, String notifyNumber, String content, Instant createdAt) {}

  public NotifyTransport(String apiKey, String baseUrl, Duration connectTimeout, Duration requestTimeout) {
    if (apiKey.length() < 74) {
      throw new IllegalArgumentException("Not a Notify API key: it must end with the service id and the secret");
    }
    // As Notify's clients read a key: {name}-{service id}-{secret}, both UUIDs.
    this.secret = apiKey.substring(apiKey.length() - 36);
    this.serviceId = apiKey.substring(apiKey.length() - 73, apiKey.length() - 37);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requestTimeout = requestTimeout;
    // The client's own work and what follows each answer (building the outcome, queueing it to be
    // recorded, freeing its place) runs on the client's selector thread: none of it blocks, and
    // handing every answer to a pool thread and back cost more CPU than the work itself.
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
  }

  /** POST /v2/notifications/{email|sms|letter}, or a letter's PDF: the body is built from the claimed message. */
  public CompletableFuture<Outcome> send(Claimed message) {
    ObjectNode body;
    try {
      body = body(message);
    } catch (IOException e) {
      return CompletableFuture.completedFuture(new Outcome.Refused(0, "StoredDataError",
          "the stored personalisation cannot be read: " + e.getMessage()));
    }
    HttpRequest request = request("/v2/notifications/" + message.channel().apiName())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return new Outcome.Unknown(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
      }
      return outcome(response);
    });
  }

  private static ObjectNode body(Claimed message) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("reference", message.reference());
    if (message.templateId().isEmpty()) {
      // A letter the service made: the PDF is the whole letter.
      Claimed.File pdf = message.files().get(0);
      body.put("content", Base64.getEncoder().encodeToString(pdf.content()));
      message.postage().ifPresent(postage -> body.put("postage", postage));
      return body;
    }
    body.put("template_id", message.templateId().get());
    switch (message.channel()) {
      case EMAIL -> body.put("email_address", message.recipient());
      case SMS -> body.put("phone_number", message.recipient());
      case LETTER -> { }
    }
    ObjectNode personalisation = (ObjectNode) JSON.readTree(message.personalisationJson());
    for (Claimed.File file : message.files()) {
      ObjectNode upload = personalisation.putObject(file.placeholder());
      upload.put("file", Base64.getEncoder().encodeToString(file.content()));
      upload.put("filename", file.filename());
      upload.put("confirm_email_before_download", file.confirmEmailBeforeDownload());
      upload.put("retention_period", org.stpkit.notifyrules.EmailFiles.retentionPeriod(file.retentionWeeks()));
    }
    body.set("personalisation", personalisation);
    message.emailReplyToId().ifPresent(id -> body.put("email_reply_to_id", id));
    message.smsSenderId().ifPresent(id -> body.put("sms_sender_id", id));
    message.unsubscribeUrl().ifPresent(url -> body.put("one_click_unsubscribe_url", url));
    return body;
  }

  private static Outcome outcome(HttpResponse<String> response) {
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
  public CompletableFuture<Optional<Found>> findByReference(String reference) {
    return get("/v2/notifications?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8))
        .thenApply(json -> {
          JsonNode first = json.path("notifications").path(0);
          return first.isMissingNode() ? Optional.empty()
              : Optional.of(new Found(first.path("id").asText(), first.path("status").asText()));
        });
  }

  /** A message's status in Notify (GET /v2/notifications/{id}). */
  public CompletableFuture<Found> status(String notifyId) {
    return get("/v2/notifications/" + URLEncoder.encode(notifyId, StandardCharsets.UTF_8))
        .thenApply(json -> new Found(json.path("id").asText(), json.path("status").asText()));
  }

  /** One page of received text messages, newest first (GET /v2/received-text-messages). */
  public CompletableFuture<List<ReceivedText>> receivedTexts(Optional<String> olderThan) {
    String path = "/v2/received-text-messages" + olderThan.map(id -> "?older_than=" + URLEncoder.encode(id,
        StandardCharsets.UTF_8)).orElse("");
    return get(path).thenApply(json -> {
      List<ReceivedText> texts = new ArrayList<>();
      for (JsonNode text : json.path("received_text_messages")) {
        texts.add(new ReceivedText(text.path("id").asText(), text.path("user_number").asText(),
            text.path("notify_number").asText(), text.path("content").asText(),
            Instant.parse(text.path("created_at").asText())));
      }
      return texts;
    });
  }

  private CompletableFuture<JsonNode> get(String path) {
    return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() != 200) {
        String[] error = error(response.body());
        throw new CompletionException(new IOException("GET " + path + ": " + response.statusCode() + " " + error[0]
            + ": " + error[1]));
      }
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    });
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + token())
        .header("User-Agent", "stp-kit-notify-adapter");
  }

  private String token() {
    Token current = token;
    Instant now = Instant.now();
    if (Duration.between(current.madeAt(), now).compareTo(TOKEN_REUSE) >= 0) {
      current = new Token(new Authentication().create(serviceId, secret), now);
      token = current;
    }
    return current.value();
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

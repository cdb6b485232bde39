package org.stpkit.formsoutbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.stpkit.formsoutbox.spi.Delivery;
import org.stpkit.formsoutbox.spi.DeliveryOutcome;
import org.stpkit.formsoutbox.spi.SubmissionOutput;

/**
 * Delivers a submission to a receiving system's URL: {@code POST} of the submission's JSON as a
 * compact JWS ({@code Content-Type: application/jose}, ES256, signed by {@link SigningKeys}), with
 * an {@code Idempotency-Key} header that is the same on every attempt, so the receiver can drop
 * repeats. A 2xx answer is delivered; 408, 425, 429, 5xx and no answer are tried again later; any
 * other answer is refused (a dead letter, with the status and the start of the body). The JDK's
 * HTTP client, which never resends a POST by itself.
 */
public final class WebhookOutput implements SubmissionOutput {
  private static final int BODY_IN_REASON = 200;

  private final URI url;
  private final SigningKeys keys;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Clock clock;

  private WebhookOutput(Builder builder) {
    this.url = builder.url;
    this.keys = builder.keys;
    this.requestTimeout = builder.requestTimeout;
    this.clock = builder.clock;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A webhook to this URL ({@code https} in production), signed with these keys. */
  public static Builder to(URI url, SigningKeys keys) {
    return new Builder(url, keys);
  }

  @Override
  public DeliveryOutcome deliver(Delivery delivery) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(requestTimeout)
        .header("Content-Type", "application/jose")
        .header("Idempotency-Key", delivery.idempotencyKey())
        .header("User-Agent", "stp-forms-outbox")
        .POST(HttpRequest.BodyPublishers.ofString(keys.sign(delivery.submission().json(), url, clock.instant())))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return DeliveryOutcome.retryLater("no answer from " + url + " within " + requestTimeout.toSeconds() + " s");
    } catch (IOException e) {
      return DeliveryOutcome.retryLater("could not reach " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryOutcome.retryLater("interrupted while sending to " + url);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return DeliveryOutcome.delivered();
    }
    String reason = "HTTP " + status + " from " + url + ": " + start(response.body());
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return DeliveryOutcome.retryLater(reason);
    }
    return DeliveryOutcome.refused(reason);
  }

  private static String start(String body) {
    String line = body.replaceAll("\\s+", " ").trim();
    return line.length() > BODY_IN_REASON ? line.substring(0, BODY_IN_REASON) + "..." : line;
  }

  @Override
  public String toString() {
    return "webhook to " + url;
  }

  /** Where to, and how long to wait. */
  public static final class Builder {
    private final URI url;
    private final SigningKeys keys;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private Clock clock = Clock.systemUTC();

    private Builder(URI url, SigningKeys keys) {
      this.url = Objects.requireNonNull(url, "url");
      this.keys = Objects.requireNonNull(keys, "keys");
      String scheme = url.getScheme();
      if (!"https".equals(scheme) && !"http".equals(scheme) || url.getHost() == null) {
        throw new IllegalArgumentException("A webhook URL is https://host/... (http for local tests): " + url);
      }
    }

    /** Connect and whole-request timeouts (default 5 and 15 seconds); keep both within the outbox's attemptTimeout. */
    public Builder timeouts(Duration connect, Duration request) {
      this.connectTimeout = Objects.requireNonNull(connect, "connect");
      this.requestTimeout = Objects.requireNonNull(request, "request");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public WebhookOutput build() {
      return new WebhookOutput(this);
    }
  }
}

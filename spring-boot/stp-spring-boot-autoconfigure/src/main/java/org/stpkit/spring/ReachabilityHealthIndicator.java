package org.stpkit.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether a service this one depends on answers over HTTP: DOWN for a refused connection or no
 * answer within the timeout, and for an answer that does not count. For Notify any answer below
 * 500 counts (the check sends no credentials, so 401 and 404 still mean "reachable"); for a
 * Keycloak realm only 200 does (its discovery document: a 404 means the realm is missing).
 */
public final class ReachabilityHealthIndicator extends AbstractHealthIndicator {
  private final String name;
  private final URI uri;
  private final Duration timeout;
  private final HttpClient http;
  private final boolean onlyOk;

  /** Reachable when {@code uri} answers below 500, or only with 200 when {@code onlyOk}. */
  public ReachabilityHealthIndicator(String name, URI uri, Duration timeout, boolean onlyOk) {
    super(name + " could not be reached");
    this.name = name;
    this.onlyOk = onlyOk;
    this.uri = uri;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws InterruptedException {
    builder.withDetail("url", uri.toString());
    long started = System.nanoTime();
    try {
      int status = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      builder.withDetail("status", status).withDetail("millis", Duration.ofNanos(System.nanoTime() - started).toMillis());
      if (status >= 500 || (onlyOk && status != 200)) {
        builder.down().withDetail("reason", name + " answered " + status);
      } else {
        builder.up();
      }
    } catch (IOException e) {
      builder.down().withDetail("reason", name + " did not answer: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }
}

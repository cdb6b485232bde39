package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.stpkit.notifysimulator.SimulatorConfig;

/**
 * Sends delivery receipts to the service's callback URL as Notify does: POST, bearer token, retried
 * on 429, 5xx and transport errors a few times, a fixed interval apart.
 */
final class ReceiptSender implements AutoCloseable {
  private final SimulatorConfig.Callback callback;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "notify-simulator-receipts");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger delivered = new AtomicInteger();

  ReceiptSender(SimulatorConfig.Callback callback) {
    this.callback = callback;
  }

  public void send(ObjectNode receipt) {
    scheduler.execute(() -> attempt(receipt.toString(), 0));
  }

  /** Receipts the service accepted (2xx). */
  public int delivered() {
    return delivered.get();
  }

  private void attempt(String body, int attempt) {
    boolean retry;
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(callback.url())
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + callback.bearerToken())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status / 100 == 2) {
        delivered.incrementAndGet();
      }
      retry = status == 429 || status >= 500;
    } catch (java.io.IOException e) {
      retry = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (retry && attempt < callback.retries()) {
      scheduler.schedule(() -> attempt(body, attempt + 1), callback.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

package org.stpkit.cli.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What {@code stp demo} waits with, and what it says when a wait ends badly. */
final class DemoWaits {
  private DemoWaits() {}

  /** The HTTP status a URL answers with; 0 while nothing listens or answers. */
  static int answer(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (ConnectException notListeningYet) {
      return 0;
    } catch (IOException notReadyYet) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoProblem("stopping");
    }
  }

  /** Sleeps; an interrupt (Ctrl-C's shutdown hook) ends the step under way. */
  static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoProblem("stopping");
    }
  }

  /** The failure a future ended with, as the exception to throw. */
  static RuntimeException cause(CompletableFuture<?> failed) {
    try {
      failed.join();
      return new IllegalStateException("not failed");
    } catch (CompletionException e) {
      return e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.1f", load);
  }

  /** The last lines of a log, to show with a failure (the reason is nearly always there). */
  static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
      return " The end of its log, " + log + ":" + System.lineSeparator() + "  " + String.join(
          System.lineSeparator() + "  ", tail);
    } catch (IOException e) {
      return " Its log: " + log;
    }
  }
}

package org.stpkit.cli.internal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stp docs} as a writer uses it, over HTTP: pages and the kit's assets served, a page saved
 * while a browser waits on the change endpoint, the waiting request answered and the page rebuilt,
 * and a problem introduced shown at the top of every page instead of stopping the server.
 */
class DocsServerIT {
  private static final Clock DAY = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path repository;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesThePagesAndRebuildsThemWhenASourceIsSaved() throws Exception {
    Path docs = repository.resolve("docs");
    write(docs.resolve("site.yaml"), "title: Test documentation\nsections: [guide]\n");
    write(docs.resolve("index.md"), "---\nlast_reviewed: 2026-12-08\n---\n\n# Home\n\nSee [the guide](guide/index.md).\n");
    write(docs.resolve("guide/index.md"), "---\nlast_reviewed: 2026-12-08\n---\n\n# Guide\n\nFirst words.\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    try (DocsServer server = new DocsServer(docs, CommandSpec.create(), "127.0.0.1", 0, DAY,
        new PrintStream(log, true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> home = get(base + "/");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("<title>Home - Test documentation</title>", "site-assets/stp-docs-reload.js")
          .doesNotContain("govuk-error-summary");
      assertThat(get(base + "/assets/govuk-frontend.min.css").statusCode()).isEqualTo(200);
      assertThat(get(base + "/site-assets/stp-docs-reload.js").body()).contains("/_stp-docs/changes");
      assertThat(get(base + "/nothing.html").statusCode()).isEqualTo(404);
      assertThat(get(base + "/_stp-docs/changes").body()).isEqualTo("{\"version\":0}");

      // A page waits for the next version while the file is saved.
      CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
          HttpRequest.newBuilder(URI.create(base + "/_stp-docs/changes?since=0")).build(), HttpResponse.BodyHandlers.ofString());
      Thread.sleep(300);
      assertThat(waiting).isNotDone();
      Path guide = docs.resolve("guide/index.md");
      write(guide, "---\nlast_reviewed: 2026-12-08\n---\n\n# Guide\n\nSecond words, and [a broken link](missing.md).\n");
      Files.setLastModifiedTime(guide, FileTime.from(Instant.now().plusSeconds(5)));

      assertThat(waiting.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"version\":1}");
      String rebuilt = get(base + "/guide/index.html").body();
      assertThat(rebuilt).contains("Second words").doesNotContain("First words")
          .contains("govuk-error-summary", "docs/guide/index.md:7: no page of the site is made from missing.md");
      assertThat(get(base + "/index.html").body()).contains("docs/guide/index.md:7: no page of the site is made from missing.md");
      assertThat(server.problems()).hasSize(1);
      assertThat(log.toString(StandardCharsets.UTF_8)).contains("Rebuilt: 1 problem (listed on every page)");
    }
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}

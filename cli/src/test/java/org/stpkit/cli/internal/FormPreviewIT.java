package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stp forms preview}: a real server that reloads the definition when the file changes. */
class FormPreviewIT {
  private static final Path SAMPLE = Path.of("../forms-engine/samples/every-question-type.yaml");

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  @Test
  void servesTheFormAndReloadsTheDefinitionWhenTheFileChanges(@TempDir Path folder) throws Exception {
    Path definition = folder.resolve("form.yaml");
    String original = Files.readString(SAMPLE);
    Files.writeString(definition, original);
    ByteArrayOutputStream submissions = new ByteArrayOutputStream();
    try (FormPreview preview = new FormPreview(definition, "127.0.0.1", 0,
        new PrintStream(submissions, true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + preview.port();

      Document first = page(base + "/");
      assertThat(first.title()).isEqualTo("What is your name? - Apply for a fishing licence - GOV.UK");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/assets/govuk-frontend.min.css")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      rewrite(definition, original.replace("Apply for a fishing licence", "Apply for a rod licence"), 1);
      assertThat(page(base + "/full-name").title()).isEqualTo("What is your name? - Apply for a rod licence - GOV.UK");

      rewrite(definition, original.replace("type: name", "type: nmae"), 2);
      Document problems = page(base + "/full-name");
      assertThat(problems.select("h1").text()).isEqualTo("Form definition problems");
      assertThat(problems.select(".govuk-error-summary__list").text())
          .contains(definition + ":28:15: pages[0].questions[0].type: unknown type 'nmae'");

      rewrite(definition, original, 3);
      assertThat(page(base + "/full-name").select("h1").text()).isEqualTo("What is your name?");
    }
  }

  @Test
  void printsTheLinksOfAFormThatOffersSaveAndReturnAndTheyLeadBack() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (FormPreview preview = new FormPreview(Path.of("../forms-engine/samples/save-and-return.yaml"), "127.0.0.1", 0,
        new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + preview.port();
      org.stpkit.testsupport.FormBrowser browser = org.stpkit.testsupport.FormBrowser.of(base);
      browser.get("/");
      browser.post("/organisation", "organisation", "Riverside Rowing Club", "saveAndReturn", "save");
      assertThat(browser.post("/progress/save", "from", "/organisation", "email", "jo@example.com", "securityAnswer",
          "Mill Lane").heading()).isEqualTo("Your progress has been saved");

      String line = printed.toString(StandardCharsets.UTF_8).strip();
      assertThat(line).startsWith("Save and return link for jo@example.com (works once, until ").contains(base + "/return/");
      String link = line.substring(line.indexOf(base) + base.length());
      org.stpkit.testsupport.FormBrowser other = org.stpkit.testsupport.FormBrowser.of(base);
      other.get(link);
      assertThat(other.post(link, "securityAnswer", "Mill Lane").path()).isEqualTo("/organisation");
    }
  }

  private Document page(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  /** Writes the file with a new modification time, as an editor saving it would. */
  private static void rewrite(Path file, String content, int step) throws Exception {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(step)));
  }
}

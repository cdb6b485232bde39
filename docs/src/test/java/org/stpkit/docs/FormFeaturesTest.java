package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.testsupport.TestWebServer;

/**
 * The samples of docs/developers/form-features.md, run: forms-engine's own samples (Welsh,
 * repeating sections, exit pages) and the autocomplete form checked and served, the timeout
 * warning configured as the page shows.
 */
class FormFeaturesTest {
  private static final Path SAMPLES = Path.of("../forms-engine/samples");
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .cookieHandler(new java.net.CookieManager()).build();

  @Test
  void everySampleThePageIncludesHasNoProblems() {
    for (Path sample : List.of(SAMPLES.resolve("welsh.yaml"), SAMPLES.resolve("repeating.yaml"),
        SAMPLES.resolve("eligibility.yaml"), Path.of("src/test/resources/forms/report-pollution.yaml"))) {
      assertThat(FormDefinitions.check(sample)).as(sample.toString()).isEmpty();
    }
  }

  @Test
  void aWelshFormWithATextInEnglishOnlyHasThatTextListed(@TempDir Path folder) throws Exception {
    Path form = folder.resolve("welsh.yaml");
    Files.writeString(form, Files.readString(SAMPLES.resolve("welsh.yaml"))
        .replace("label: {en: \"What is your name?\", cy: \"Beth yw eich enw?\"}", "label: What is your name?"));

    List<Problem> problems = FormDefinitions.check(form);

    assertThat(problems).extracting(Problem::toString).singleElement().asString()
        .startsWith(form + ":")
        .endsWith(": pages[0].questions[0].label: a Welsh form needs this text in Welsh too: {en: ..., cy: ...}");
  }

  @Test
  void theWelshSampleIsServedInWelshWhenTheUserChoosesIt() throws Exception {
    FormEngine engine = FormEngine.builder(FormDefinitions.load(SAMPLES.resolve("welsh.yaml")))
        .mountPath("/apply").submissionHandler(submission -> { }).build();
    try (TestWebServer server = TestWebServer.start().serve("/apply/*", FormServlet.of(engine))) {
      Document page = get(server.url("/apply/name?lang=cy"));
      assertThat(page.select("html").attr("lang")).isEqualTo("cy");
      assertThat(page.select("h1").text()).isEqualTo("Beth yw eich enw?");
    }
  }

  @Test
  void anAutocompleteQuestionIsASelectTheEngineScriptEnhances() throws Exception {
    FormEngine engine = FormEngine.builder(FormDefinitions.load(Path.of("src/test/resources/forms/report-pollution.yaml")))
        .mountPath("/report").submissionHandler(submission -> { }).build();
    try (TestWebServer server = TestWebServer.start().serve("/report/*", FormServlet.of(engine))) {
      Document page = get(server.url("/report/river"));
      assertThat(page.select("select[name=river] option")).extracting(option -> option.text()).contains("Severn", "Wye");
      assertThat(page.select("script[src]")).extracting(script -> script.attr("src"))
          .anyMatch(src -> src.endsWith("/accessible-autocomplete.min.js"));
    }
  }

  @Test
  void theTimeoutWarningOpensAsLongBeforeTheTimeoutAsConfigured() throws Exception {
    FormDefinition form = FormDefinitions.load(SAMPLES.resolve("eligibility.yaml"));
    // tag::timeout[]
    FormEngine engine = FormEngine.builder(form)
        .mountPath("/apply")
        .sessionTimeout(Duration.ofMinutes(30))   // a journey left this long without a request starts again
        .timeoutWarning(Duration.ofMinutes(5))    // the warning opens 5 minutes before that
        .submissionHandler(submission -> { })
        .build();
    // end::timeout[]
    try (TestWebServer server = TestWebServer.start().serve("/apply/*", FormServlet.of(engine))) {
      Document page = get(server.url("/apply/age"));
      assertThat(page.select("dialog[data-stp-timeout-warning]").attr("data-timeout-seconds")).isEqualTo("1800");
      assertThat(page.select("dialog[data-stp-timeout-warning]").attr("data-warning-seconds")).isEqualTo("300");
    }
  }

  private Document get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return Jsoup.parse(response.body());
  }
}

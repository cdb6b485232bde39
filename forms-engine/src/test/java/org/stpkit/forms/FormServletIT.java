package org.stpkit.forms;

import org.stpkit.forms.spi.Submission;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.servlet.FormServlet;

/** The servlet adapter in a real Jetty, over real HTTP. */
class FormServletIT {
  private static final List<Submission> SUBMISSIONS = new CopyOnWriteArrayList<>();
  private static JettyFormServer server;

  @BeforeAll
  static void start() throws Exception {
    FormEngine engine = FormEngine.builder(FormDefinitions.load(Path.of("samples/every-question-type.yaml")))
        .mountPath("/apply")
        .submissionHandler(SUBMISSIONS::add)
        .build();
    server = new JettyFormServer(engine, FormServlet.builder(engine).maxBodyBytes(20_000).build());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new java.net.CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  @Test
  void servesTheFormWithASecureSessionCookieAndPostRedirectGet() throws Exception {
    HttpResponse<String> first = http.send(get("/apply/"), HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.uri().getPath()).isEqualTo("/apply/full-name");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
    HttpResponse<String> raw = HttpClient.newHttpClient().send(get("/apply/"), HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(303);
    assertThat(raw.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
        assertThat(cookie).startsWith("stp-form-session=").contains("HttpOnly", "SameSite=Lax", "Path=/apply"));

    String token = Jsoup.parse(first.body()).select("input[name=csrfToken]").val();
    HttpResponse<String> next = http.send(post("/apply/full-name",
        "csrfToken=" + token + "&fullName-given=J%C3%B6rg&fullName-family=O%27Brien"), HttpResponse.BodyHandlers.ofString());
    assertThat(next.uri().getPath()).isEqualTo("/apply/date-of-birth");
    Document back = Jsoup.parse(http.send(get("/apply/full-name"), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(back.select("#fullName-given").val()).isEqualTo("Jörg");
    assertThat(back.select("#fullName-family").val()).isEqualTo("O'Brien");
  }

  @Test
  void servesTheEnginesOwnScriptsAndAnswersTheKeepAlive() throws Exception {
    HttpResponse<String> script = http.send(get("/apply/_forms/timeout-warning.js"), HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
    assertThat(script.body()).contains("showModal");
    HttpResponse<String> library = http.send(get("/apply/_forms/accessible-autocomplete.min.js"), HttpResponse.BodyHandlers.ofString());
    assertThat(library.statusCode()).as("accessible-autocomplete from npm, in the jar").isEqualTo(200);

    HttpResponse<String> noSession = HttpClient.newHttpClient().send(get("/apply/_forms/keep-alive"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noSession.statusCode()).isEqualTo(410);
    http.send(get("/apply/"), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> alive = http.send(get("/apply/_forms/keep-alive"), HttpResponse.BodyHandlers.ofString());
    assertThat(alive.statusCode()).isEqualTo(204);
    assertThat(alive.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void malformedEncodingsGetA400PageNotA500() throws Exception {
    String token = startAndGetToken();
    for (String body : List.of("csrfToken=" + token + "&fullName-given=%E0%A4%A", "fullName-given=%ZZ",
        "fullName-given=%C3%28")) {
      HttpResponse<String> response = http.send(post("/apply/full-name", body), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("There is a problem with this page");
      assertThat(response.body()).doesNotContain("Exception");
    }
  }

  @Test
  void oversizedInputGetsA413Page() throws Exception {
    String token = startAndGetToken();
    HttpResponse<String> response = http.send(post("/apply/full-name",
        "csrfToken=" + token + "&fullName-given=" + "x".repeat(30_000)), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("What you sent is too large");
  }

  @Test
  void otherMethodsAndContentTypesAreRefusedWithAPage() throws Exception {
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/apply/full-name"))
        .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
    HttpResponse<String> json = http.send(HttpRequest.newBuilder(uri("/apply/full-name"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(400);
  }

  @Test
  void servesTheAssetsThePagesLinkTo() throws Exception {
    Document page = Jsoup.parse(http.send(get("/apply/"), HttpResponse.BodyHandlers.ofString()).body());
    String stylesheet = page.select("link[rel=stylesheet]").attr("href");
    HttpResponse<byte[]> css = http.send(get(stylesheet), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains(".govuk-button");
  }

  private String startAndGetToken() throws Exception {
    HttpResponse<String> first = http.send(get("/apply/"), HttpResponse.BodyHandlers.ofString());
    return Jsoup.parse(first.body()).select("input[name=csrfToken]").val();
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET().build();
  }

  private static HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build();
  }
}

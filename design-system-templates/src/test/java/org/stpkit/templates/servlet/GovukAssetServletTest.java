package org.stpkit.templates.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stpkit.testsupport.TestWebServer;

/** The asset servlet in a real Jetty, over HTTP. */
class GovukAssetServletTest {
  private static TestWebServer server;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestWebServer.start().serve("/assets/*", new GovukAssetServlet());
    base = server.baseUrl();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void servesTheStylesheetWithItsTypeCachingAndNoSniffing() throws Exception {
    HttpResponse<String> response = get("/assets/govuk-frontend.min.css", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body()).contains(".govuk-");
  }

  @Test
  void servesMojFrontendsCssJavaScriptAndTheImagesItsCssUses() throws Exception {
    HttpResponse<String> css = get("/assets/" + org.stpkit.templates.MojAssets.STYLESHEET, null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(css.body()).contains(".moj-timeline");
    HttpResponse<String> js = get("/assets/" + org.stpkit.templates.MojAssets.SCRIPT, null);
    assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(js.body()).contains("initAll");
    // MoJ's CSS refers to its icons at /assets/images/, beside govuk-frontend's.
    java.util.regex.Matcher image = java.util.regex.Pattern.compile("url\\((/assets/images/[^)]+)\\)").matcher(css.body());
    int images = 0;
    while (image.find()) {
      assertThat(get(image.group(1), null).statusCode()).as(image.group(1)).isEqualTo(200);
      images++;
    }
    assertThat(images).isGreaterThan(5);
  }

  @Test
  void aRevalidationWithTheEtagIsNotModified() throws Exception {
    String etag = get("/assets/govuk-frontend.min.js", null).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/assets/govuk-frontend.min.js", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/assets/govuk-frontend.min.js", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void missingFilesAndPathsLeavingTheFolderAreNotFound() throws Exception {
    assertThat(get("/assets/nothing-here.css", null).statusCode()).isEqualTo(404);
    assertThat(get("/assets/%2e%2e/%2e%2e/META-INF/MANIFEST.MF", null).statusCode()).isIn(400, 404);
    assertThat(get("/assets/", null).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/assets/govuk-frontend.min.css"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/assets/govuk-frontend.min.css"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void fontsAreCachedForAYear() throws Exception {
    String font = firstFont();
    HttpResponse<String> response = get("/assets/" + font, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("font/woff2");
  }

  private static String firstFont() throws Exception {
    try (var fonts = java.nio.file.Files.list(java.nio.file.Path.of(GovukAssetServletTest.class.getClassLoader()
        .getResource("META-INF/resources/assets/fonts").toURI()))) {
      return "fonts/" + fonts.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".woff2")).sorted()
          .findFirst().orElseThrow();
    }
  }

  private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

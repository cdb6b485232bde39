package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stpkit.cli.internal.GalleryCommand.Gallery;
import org.stpkit.cli.internal.GalleryCommand.Gallery.Example;
import org.stpkit.templates.GovukTemplates;

/** {@code stp gallery}: its examples, its index and its pages, served on a free local port. */
class GalleryTest {
  private static final GovukTemplates TEMPLATES = GovukTemplates.create();
  private static final Map<String, List<Example>> EXAMPLES = Gallery.loadExamples();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = GalleryCommand.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void everyComponentHasAnExample() {
    assertThat(TEMPLATES.components()).hasSize(39);
    assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(TEMPLATES.components());
    assertThat(EXAMPLES).allSatisfy((component, examples) -> assertThat(examples).as(component).isNotEmpty());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRendersWithoutError() {
    return EXAMPLES.entrySet().stream().flatMap(entry -> entry.getValue().stream().map(example ->
        dynamicTest(entry.getKey() + ": " + example.name(),
            () -> assertThat(TEMPLATES.render(entry.getKey(), example.params())).isNotBlank())));
  }

  @TestFactory
  Stream<DynamicTest> everyComponentPageIsServedWithUniqueIds() {
    return TEMPLATES.components().stream().map(component -> dynamicTest(component, () -> {
      HttpResponse<String> page = get("/components/" + component);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1 class=\"govuk-heading-xl\">" + component + "</h1>");
      Set<String> ids = new HashSet<>();
      Matcher id = Pattern.compile("\\sid=\"([^\"]*)\"").matcher(page.body());
      while (id.find()) {
        assertThat(ids.add(id.group(1))).as("id \"%s\" is unique on the %s page", id.group(1), component).isTrue();
      }
    }));
  }

  @Test
  void indexListsEveryComponent() throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(Pattern.compile("href=\"/components/").matcher(index.body()).results().count()).isEqualTo(39);
    for (String component : TEMPLATES.components()) {
      assertThat(index.body()).contains("href=\"/components/" + component + "\">" + component + "</a>");
    }
  }

  @Test
  void unknownPathIsThe404Page() throws Exception {
    for (String path : List.of("/components/buton", "/nope", "/components/")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("Page not found", "There is no page at " + path);
    }
  }

  @Test
  void refusesToStartWhenAComponentHasNoExamples() {
    Map<String, List<Example>> onlyButton = Map.of("button", EXAMPLES.get("button"), "tag", List.of());
    assertThatThrownBy(() -> new Gallery(TEMPLATES, onlyButton))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("gallery-examples.json has no examples for 38 of 39 components: accordion, back-link,")
        .hasMessageContaining(", tag,");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}

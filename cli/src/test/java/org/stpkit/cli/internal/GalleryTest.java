package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import org.stpkit.cli.internal.GalleryCommand.Example;
import org.stpkit.cli.internal.web.LocalServer;
import org.stpkit.templates.GovukTemplates;

/** {@code stp gallery}: its examples, its index and its pages, served on a free local port. */
class GalleryTest {
  private static final GovukTemplates TEMPLATES = GovukTemplates.create();
  private static final Map<String, List<Example>> EXAMPLES = GalleryCommand.loadExamples();
  private static final List<String> MOJ_PATTERNS = List.of("sortable-table", "multi-select", "password-reveal", "rich-text-editor");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LocalServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = GalleryCommand.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** Every page of the gallery: each component of both families, and MoJ's patterns. */
  static List<String> pages() {
    List<String> pages = new ArrayList<>(TEMPLATES.components());
    pages.addAll(TEMPLATES.mojComponents());
    pages.addAll(MOJ_PATTERNS);
    return pages;
  }

  @Test
  void everyComponentOfBothFamiliesHasAnExample() {
    assertThat(TEMPLATES.components()).hasSize(39);
    assertThat(TEMPLATES.mojComponents()).hasSize(28);
    assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(pages());
    assertThat(EXAMPLES).allSatisfy((component, examples) -> assertThat(examples).as(component).isNotEmpty());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRendersWithoutError() {
    return EXAMPLES.entrySet().stream().flatMap(entry -> entry.getValue().stream().map(example ->
        dynamicTest(entry.getKey() + ": " + example.name(), () -> {
          String macro = example.macro() == null ? entry.getKey() : example.macro();
          String html = example.caller() == null
              ? TEMPLATES.render(macro, example.params())
              : TEMPLATES.render(macro, example.params(), example.caller());
          assertThat(html).isNotBlank();
        })));
  }

  @TestFactory
  Stream<DynamicTest> everyComponentPageIsServedWithUniqueIds() {
    return pages().stream().map(component -> dynamicTest(component, () -> {
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
  void mojPagesLoadMojFrontendAfterGovukFrontendAndGovukPagesDoNot() throws Exception {
    String moj = get("/components/mojTimeline").body();
    assertThat(moj.indexOf("/assets/moj/moj-frontend.min.css")).isGreaterThan(moj.indexOf("/assets/govuk-frontend.min.css"));
    assertThat(moj).contains("import { initAll } from '/assets/moj/moj-frontend.min.js'", "class=\"moj-timeline\"");
    assertThat(get("/components/sortable-table").body()).contains("moj-frontend.min.js", "data-module=\"moj-sortable-table\"");
    assertThat(get("/components/input").body()).doesNotContain("moj-frontend");
    HttpResponse<String> css = get("/assets/moj/moj-frontend.min.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
  }

  @Test
  void aPageLevelComponentIsThePagesOwnHeaderOrFooterOneExampleToAPage() throws Exception {
    String page = get("/components/mojHeader").body();
    assertThat(Pattern.compile("role=\"banner\"").matcher(page).results().count()).isEqualTo(1);
    assertThat(page).contains("<header class=\"moj-header\" role=\"banner\"", "href=\"/components/mojHeader/2\"")
        .doesNotContain("class=\"govuk-header\" data-module");
    assertThat(get("/components/mojHeader/2").body()).contains("<header class=\"moj-header\" role=\"banner\"")
        .doesNotContain("class=\"govuk-header\" data-module");
    String footer = get("/components/pdsFooter").body();
    assertThat(footer).contains("class=\"probation-common-footer").doesNotContain("class=\"govuk-footer");
    assertThat(get("/components/mojHeader/" + (EXAMPLES.get("mojHeader").size() + 1)).statusCode()).isEqualTo(404);
    assertThat(get("/components/mojTimeline/1").statusCode()).isEqualTo(404);
  }

  /** The pages of a page-level component's examples after its first, with their titles. */
  static Map<String, String> examplePages() {
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    for (String component : List.of("mojHeader", "pdsHeader", "pdsFooter")) {
      List<Example> list = EXAMPLES.get(component);
      for (int i = 1; i < list.size(); i++) {
        pages.put("/components/" + component + "/" + (i + 1), component + ": " + list.get(i).name());
      }
    }
    return pages;
  }

  @Test
  void indexListsEveryComponentOfBothFamilies() throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(Pattern.compile("href=\"/components/").matcher(index.body()).results().count()).isEqualTo(pages().size());
    for (String component : pages()) {
      assertThat(index.body()).contains("href=\"/components/" + component + "\">" + component + "</a>");
    }
    assertThat(index.body()).contains("MoJ Frontend " + GovukTemplates.MOJ_FRONTEND_VERSION);
  }

  @Test
  void unknownPathIsThe404Page() throws Exception {
    for (String path : List.of("/components/buton", "/nope", "/components/", "/components/input/x", "/components/mojHeader/0")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("Page not found", "There is no page at " + path);
    }
  }

  @Test
  void refusesToStartWhenAComponentHasNoExamples() {
    Map<String, List<Example>> onlyButton = Map.of("button", EXAMPLES.get("button"), "tag", List.of());
    assertThatThrownBy(() -> new GalleryPages(TEMPLATES, onlyButton))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("gallery-examples.json has no examples for 66 of 67 components: accordion, back-link,")
        .hasMessageContaining(", tag,", ", mojTimeline,");
  }

  @Test
  void refusesAPatternWhoseExamplesDoNotNameTheirMacro() {
    Map<String, List<Example>> examples = new java.util.LinkedHashMap<>(EXAMPLES);
    examples.put("sticky-table", List.of(new Example("No macro", null, Map.of(), null)));
    assertThatThrownBy(() -> new GalleryPages(TEMPLATES, examples))
        .hasMessageContaining("\"sticky-table\" is no component");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}

package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stp render}: its stdin/stdout contract and exit codes, run in-process. */
class RenderCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static StpRunner.Result stp(String stdin, String... args) {
    return StpRunner.stp(stdin, args);
  }

  @Test
  void rendersOneComponentFromParamsOnStdin() {
    StpRunner.Result result = stp("{\"text\": \"Save & continue\"}", "render", "button");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("class=\"govuk-button\"", "Save &amp; continue");
  }

  @Test
  void exitsTwoNamingTheProblemForBadInput() {
    StpRunner.Result unknown = stp("{}", "render", "buton");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown component 'buton'").doesNotContain("at org.");

    StpRunner.Result badJson = stp("{\"text\": ", "render", "button");
    assertThat(badJson.exitCode()).isEqualTo(2);
    assertThat(badJson.err()).contains("not valid JSON").doesNotContain("Source:");

    StpRunner.Result wrongType = stp("{\"name\": \"a\", \"label\": \"Email\"}", "render", "input");
    assertThat(wrongType.exitCode()).isEqualTo(2);
    assertThat(wrongType.err()).contains("input: param 'label' must be an object");

    StpRunner.Result notObject = stp("[1, 2]", "render", "button");
    assertThat(notObject.exitCode()).isEqualTo(2);
    assertThat(notObject.err()).contains("params must be a JSON object, not array");

    StpRunner.Result twoObjects = stp("{\"text\": \"a\"}\n{\"text\": \"b\"}", "render", "button");
    assertThat(twoObjects.exitCode()).isEqualTo(2);
    assertThat(twoObjects.err()).contains("must be one JSON object, but more follows it");

    StpRunner.Result badJsonLater = stp("{\n  \"text\": \"a\",\n  \"href\": nope\n}", "render", "button");
    assertThat(badJsonLater.exitCode()).isEqualTo(2);
    assertThat(badJsonLater.err()).contains("not valid JSON", "(line 3, column");
  }

  @Test
  void rendersMojComponentsByMacroNameWithNestedContentFromCaller() {
    StpRunner.Result badge = stp("{\"text\": \"Urgent\", \"classes\": \"moj-badge--red\"}", "render", "mojBadge");
    assertThat(badge.exitCode()).isZero();
    assertThat(badge.out()).contains("<span class=\"moj-badge moj-badge--red\">Urgent</span>");

    String card = "{\"heading\": \"Are you sure?\", \"primaryAction\": {\"text\": \"Continue\"}}";
    StpRunner.Result withBody = stp(card, "render", "interruptionCard", "--caller", "<p>Body</p>");
    assertThat(withBody.exitCode()).isZero();
    assertThat(withBody.out()).contains("<div class=\"moj-interruption-card__body\"><p>Body</p></div>");
    StpRunner.Result withoutBody = stp(card, "render", "interruptionCard");
    assertThat(withoutBody.exitCode()).isEqualTo(2);
    assertThat(withoutBody.err()).contains("interruptionCard: the card's body is its nested content");

    StpRunner.Result callerInBatchMode = stp("", "render", "--batch", "--caller", "<p>x</p>");
    assertThat(callerInBatchMode.exitCode()).isEqualTo(2);
    assertThat(callerInBatchMode.err()).contains("--caller goes with a component name");
  }

  @Test
  void batchLinesGiveNestedContentAsCaller() throws Exception {
    String card = "{\"heading\": \"Are you sure?\", \"primaryAction\": {\"text\": \"Continue\"}}";
    String input = "{\"component\": \"interruptionCard\", \"params\": " + card + ", \"caller\": \"<p>Body</p>\"}\n"
        + "{\"component\": \"interruptionCard\", \"params\": " + card + ", \"caller\": 3}\n"
        + "{\"component\": \"mojTimeline\", \"params\": {\"items\": []}}\n";
    List<String> lines = stp(input, "render", "--batch").out().lines().toList();
    assertThat(parse(lines.get(0)).get("html").asText()).contains("<p>Body</p>");
    assertThat(parse(lines.get(1)).get("error").asText())
        .isEqualTo("line 2: \"caller\" (the nested content) must be a string of HTML, not number");
    assertThat(parse(lines.get(2)).get("html").asText()).isEqualTo("<div class=\"moj-timeline\">\n</div>");
  }

  @Test
  void noParamsAtAllRendersWithNone() {
    StpRunner.Result result = stp(" \n", "render", "tag");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("govuk-tag");
  }

  @Test
  void batchAnswersEveryLineInOrderAndABadLineNeverStopsIt() throws Exception {
    String input = String.join("\n",
        "{\"component\": \"tag\", \"params\": {\"text\": \"New\"}}",
        "this is not json",
        "{\"component\": \"nope\", \"params\": {}}",
        "",
        "{\"component\": \"input\", \"params\": {\"name\": \"a\", \"label\": \"x\"}}",
        "{\"params\": {}}",
        "{\"component\": \"tag\", \"params\": {\"text\": \"Last <one>\"}}") + "\n";
    StpRunner.Result result = stp(input, "render", "--batch");
    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(7);
    JsonNode[] answers = lines.stream().map(RenderCommandTest::parse).toArray(JsonNode[]::new);
    assertThat(answers[0].get("html").asText()).contains("govuk-tag", "New");
    assertThat(answers[1].get("error").asText()).startsWith("line 2: not valid JSON");
    assertThat(answers[2].get("error").asText()).startsWith("line 3: Unknown component 'nope'");
    assertThat(answers[3].get("error").asText()).startsWith("line 4:");
    assertThat(answers[4].get("error").asText()).isEqualTo("line 5: input: param 'label' must be an object but was the string \"x\"");
    assertThat(answers[5].get("error").asText()).contains("\"component\" must be");
    assertThat(answers[6].get("html").asText()).contains("Last &lt;one&gt;");
  }

  @Test
  void batchOnSeveralThreadsKeepsInputOrder() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      input.append(i % 7 == 3 ? "not json " + i
          : "{\"component\": \"tag\", \"params\": {\"text\": \"Tag " + i + "\"}}").append('\n');
    }
    StpRunner.Result oneThread = stp(input.toString(), "render", "--batch", "--threads", "1");
    StpRunner.Result fourThreads = stp(input.toString(), "render", "--batch", "--threads", "4");
    // "render --batch" alone starts without picocli (StpCommand.run): the same answers.
    StpRunner.Result shortcut = stp(input.toString(), "render", "--batch");

    assertThat(fourThreads.out()).isEqualTo(oneThread.out());
    assertThat(shortcut.out()).isEqualTo(oneThread.out());
    assertThat(shortcut.exitCode()).isZero();
    List<String> lines = fourThreads.out().lines().toList();
    assertThat(lines).hasSize(1000);
    assertThat(parse(lines.get(999)).get("html").asText()).contains("Tag 999");
    assertThat(parse(lines.get(3)).get("error").asText()).startsWith("line 4: not valid JSON");
  }

  @Test
  void batchNamesWhatIsWrongWithALineThatIsNotOneRequestObject() {
    String input = String.join("\n",
        "",
        "[1, 2]",
        "{\"component\": \"tag\", \"params\": {\"text\": \"a\"}} {\"component\": \"tag\"}",
        "{\"component\": \"tag\", \"params\": [\"text\"]}",
        "{\"component\": \"tag\", \"params\": {\"text\": \"unclosed\"}",
        "{\"component\": \"tag\"}") + "\n";
    StpRunner.Result result = stp(input, "render", "--batch");
    List<String> errors = result.out().lines().map(line -> parse(line).path("error").asText()).toList();
    assertThat(errors).hasSize(6);
    assertThat(errors.get(0)).isEqualTo("line 1: expected a JSON object {\"component\": ..., \"params\": {...}}, not an empty line");
    assertThat(errors.get(1)).isEqualTo("line 2: expected a JSON object {\"component\": ..., \"params\": {...}}");
    assertThat(errors.get(2)).isEqualTo("line 3: not valid JSON: more than one value on the line");
    assertThat(errors.get(3)).isEqualTo("line 4: params must be a JSON object, not array");
    assertThat(errors.get(4)).startsWith("line 5: not valid JSON: Unexpected end-of-input").doesNotContain("Source:");
    assertThat(errors.get(5)).isEmpty();
    assertThat(parse(result.out().lines().toList().get(5)).get("html").asText()).contains("govuk-tag");
  }

  @Test
  void examplesAreBatchLinesForEveryComponentThatAllRender() {
    StpRunner.Result examples = stp("", "render", "--examples");
    assertThat(examples.exitCode()).isZero();
    List<String> requests = examples.out().lines().toList();
    java.util.List<String> components = new java.util.ArrayList<>(org.stpkit.templates.GovukTemplates.create().components());
    components.addAll(org.stpkit.templates.GovukTemplates.create().mojComponents());
    assertThat(requests.stream().map(line -> parse(line).get("component").asText()).distinct())
        .containsAll(components);

    StpRunner.Result rendered = stp(examples.out(), "render", "--batch");
    List<String> results = rendered.out().lines().toList();
    assertThat(results).hasSameSizeAs(requests);
    assertThat(results).allSatisfy(line -> assertThat(parse(line).has("html")).as(line).isTrue());
  }

  @Test
  void oneOfAComponentBatchOrExamplesIsRequired() {
    assertThat(stp("", "render").exitCode()).isEqualTo(2);
    StpRunner.Result both = stp("", "render", "--batch", "--examples");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("give one of a component name, --batch or --examples");
  }

  @Test
  void aSubcommandAloneIsBuiltYetHelpStillListsThemAll() {
    assertThat(stp("", "--help").out()).contains("render", "gallery", "forms", "notify", "idam");
    assertThat(stp("", "help", "idam").out()).contains("Usage: stp idam");
    assertThat(stp("", "render", "--help").out()).contains("Usage: stp render");
    StpRunner.Result misspelt = stp("", "rendr");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("rendr").contains("render");
  }

  @Test
  void versionNamesGovukFrontend() {
    StpRunner.Result result = stp("", "--version");
    assertThat(result.out()).contains("govuk-frontend 6.6.0", "MoJ Frontend 11.1.0");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}

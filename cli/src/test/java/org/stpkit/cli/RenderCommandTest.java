package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stp render}: its stdin/stdout contract and exit codes, run in-process. */
class RenderCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exitCode, String out, String err) {}

  private static synchronized Result stp(String stdin, String... args) {
    InputStream originalIn = System.in;
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Stp.run(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(originalIn);
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void rendersOneComponentFromParamsOnStdin() {
    Result result = stp("{\"text\": \"Save & continue\"}", "render", "button");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("class=\"govuk-button\"", "Save &amp; continue");
  }

  @Test
  void exitsTwoNamingTheProblemForBadInput() {
    Result unknown = stp("{}", "render", "buton");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown component 'buton'").doesNotContain("at org.");

    Result badJson = stp("{\"text\": ", "render", "button");
    assertThat(badJson.exitCode()).isEqualTo(2);
    assertThat(badJson.err()).contains("not valid JSON").doesNotContain("Source:");

    Result wrongType = stp("{\"name\": \"a\", \"label\": \"Email\"}", "render", "input");
    assertThat(wrongType.exitCode()).isEqualTo(2);
    assertThat(wrongType.err()).contains("input: param 'label' must be an object");

    Result notObject = stp("[1, 2]", "render", "button");
    assertThat(notObject.exitCode()).isEqualTo(2);
    assertThat(notObject.err()).contains("params must be a JSON object");
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
    Result result = stp(input, "render", "--batch");
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
  void versionNamesGovukFrontend() {
    Result result = stp("", "--version");
    assertThat(result.out()).contains("govuk-frontend 6.6.0");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}

package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stp forms check}: prints ok and exits 0, or every problem and exits 1. */
class FormsCommandTest {
  private static final String SAMPLE = "../forms-engine/samples/every-question-type.yaml";

  @Test
  void printsOkForAGoodDefinition() {
    StpRunner.Result result = StpRunner.stp("", "forms", "check", SAMPLE);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo("ok");
  }

  @Test
  void printsEveryProblemWithItsLocationAndExitsOne(@TempDir Path folder) throws Exception {
    Path definition = folder.resolve("broken.yaml");
    Files.writeString(definition, String.join("\n",
        "id: broken",
        "title: Broken",
        "pages:",
        "  - path: /one",
        "    questions:",
        "      - type: dropdown",
        "        name: colour",
        "        label: Colour?",
        "    next:",
        "      - to: /two",
        ""));

    StpRunner.Result result = StpRunner.stp("", "forms", "check", definition.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(
        definition + ":6:15: pages[0].questions[0].type: unknown type 'dropdown'",
        definition + ":10:13: pages[0].next[0].to: no page has the path '/two'",
        "2 problems in " + definition);
  }

  @Test
  void reportsEveryTextOfAWelshFormThatHasNoWelsh(@TempDir Path folder) throws Exception {
    Path definition = folder.resolve("bilingual.yaml");
    Files.writeString(definition, String.join("\n",
        "id: bilingual",
        "title: {en: Apply, cy: Gwneud cais}",
        "languages: [en, cy]",
        "pages:",
        "  - path: /name",
        "    questions:",
        "      - type: text",
        "        name: fullName",
        "        label: {en: \"What is your name?\"}",
        "        hint: Your full name",
        "        errorName: {en: your name, cy: eich enw}",
        ""));

    StpRunner.Result result = StpRunner.stp("", "forms", "check", definition.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(
        definition + ":9:16: pages[0].questions[0].label: a Welsh form needs this text in Welsh too (cy)",
        definition + ":10:15: pages[0].questions[0].hint: a Welsh form needs this text in Welsh too: {en: ..., cy: ...}",
        "2 problems in " + definition);
  }

  @Test
  void theBilingualSampleHasWelshForEveryText() {
    StpRunner.Result result = StpRunner.stp("", "forms", "check", "../forms-engine/samples/welsh.yaml");

    assertThat(result.out().strip()).isEqualTo("ok");
  }
}

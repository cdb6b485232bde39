package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;

class FormDefinitionsTest {
  private static final Path SAMPLE = Path.of("samples/every-question-type.yaml");
  private static final Path DEFINITIONS = Path.of("src/test/resources/definitions");

  @Test
  void loadsTheSampleFormWithEveryQuestionType() {
    FormDefinition form = FormDefinitions.load(SAMPLE);

    assertThat(form.id()).isEqualTo("every-question-type");
    // File questions need a virus scanner to be served: they have a sample of their own, upload.yaml.
    assertThat(form.questions()).extracting(Question::type).containsAll(java.util.Arrays.stream(QuestionType.values())
        .filter(type -> type != QuestionType.FILE).toList());
    assertThat(form.startPage()).isEqualTo("/full-name");
    assertThat(form.question("region").orElseThrow().options()).extracting(Option::value)
        .containsExactly("north-east", "north-west", "midlands", "south");
    assertThat(form.conditions().get("eligibleForDiscount")).isInstanceOf(Condition.Named.class);
    Page licence = form.page("/licence-name").orElseThrow();
    assertThat(licence.items()).hasSize(5);
    assertThat(licence.heading().english()).isEqualTo("Your licence");
    assertThat(form.question("licenceName").orElseThrow().errors().get("required").english())
        .isEqualTo("Enter the name to print on your licence");
  }

  @Test
  void reportsEveryProblemAtOnceWithItsLineAndPath() {
    List<Problem> problems = FormDefinitions.check(DEFINITIONS.resolve("many-problems.yaml"));

    assertThat(problems).extracting(Problem::toString).contains(
        "src/test/resources/definitions/many-problems.yaml:6:15: pages[0].questions[0].type: unknown type 'txt'; known types: "
            + "text, long-text, email, phone, number, money, date, yes-no, radios, checkboxes, select, autocomplete, postcode, ni-number, address, name, file",
        "src/test/resources/definitions/many-problems.yaml:16:27: pages[1].next[0].when.question: no question is named 'shoeSize'",
        "src/test/resources/definitions/many-problems.yaml:25:43: pages[2].next[0].when.equals: 'blue' is never an answer to "
            + "question 'colour' (radios); its values are red, green",
        "src/test/resources/definitions/many-problems.yaml:29:15: pages[3].questions[0].name: question name 'age' is already used "
            + "by the question at pages[1].questions[0]",
        "src/test/resources/definitions/many-problems.yaml:35:9: pages[4].questions[0]: missing required property 'name'",
        "src/test/resources/definitions/many-problems.yaml:38:13: pages[4].next[0].to: no page has the path '/nowhere'");
    assertThat(problems).anySatisfy(problem -> {
      assertThat(problem.toString()).endsWith("yaml:24:7: pages[2].next: routes go round in a loop: /age → /colour → /age");
    });
    assertThat(problems).anySatisfy(problem -> {
      assertThat(problem.path()).isEqualTo("pages[4]");
      assertThat(problem.message()).isEqualTo("no route leads to /orphan from the start page /name");
    });
  }

  @Test
  void collapsesTheSchemaAlternativesIntoOneMessage(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
    Path definition = folder.resolve("form.yaml");
    java.nio.file.Files.writeString(definition, String.join("\n",
        "id: form",
        "title: A form",
        "pages:",
        "  - path: /choice",
        "    questions:",
        "      - type: radios",
        "        name: choice",
        "        label: true",
        "        options: [a, b]",
        ""));

    assertThat(FormDefinitions.check(definition)).extracting(Problem::message)
        .containsExactly("must be text: a non-empty string, or {en: ..., cy: ...}; found a boolean");
  }

  @Test
  void loadThrowsWithAllTheProblems() {
    assertThatThrownBy(() -> FormDefinitions.load(DEFINITIONS.resolve("many-problems.yaml")))
        .isInstanceOfSatisfying(InvalidFormDefinitionException.class, e -> {
          assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(8);
          assertThat(e.getMessage()).contains("problems in the form definition", "unknown type 'txt'");
        });
  }

  @Test
  void reportsTheLineOfAYamlSyntaxError() {
    List<Problem> problems = FormDefinitions.check(DEFINITIONS.resolve("not-yaml.yaml"));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.message()).startsWith("not valid YAML: ");
    });
  }

  @Test
  void readsJsonAndAsksForWelshTextInAWelshForm() {
    List<Problem> problems = FormDefinitions.check(DEFINITIONS.resolve("welsh.json"));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        "src/test/resources/definitions/welsh.json:9:55: pages[0].questions[0].label: a Welsh form needs this text in Welsh too (cy)");
  }

  @Test
  void reportsAMissingFileAsAProblem() {
    assertThat(FormDefinitions.check(Path.of("no-such-form.yaml"))).singleElement()
        .satisfies(problem -> assertThat(problem.message()).startsWith("cannot read the file"));
  }

  @Test
  void theReadmeExampleIsAValidDefinition() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = readme.substring(start, readme.indexOf("```", start));

    FormDefinition form = FormDefinitions.parse(yaml, "README.md");

    assertThat(form.pages()).extracting(Page::path).containsExactly("/age", "/name", "/school");
  }

  @Test
  void readsLengthAndWordLimitsFromYaml() {
    // YAML's reader gives whole numbers as longs; the limits must still be read.
    FormDefinition form = FormDefinitions.parse("""
        id: limits
        title: Limits
        pages:
          - path: /about
            questions:
              - name: about
                type: long-text
                label: Tell us about it
                validation: { minLength: 2, maxLength: 500, maxWords: 80 }
        """, "limits.yaml");

    Validation validation = form.pages().get(0).questions().get(0).validation();
    assertThat(validation.minLength()).hasValue(2);
    assertThat(validation.maxLength()).hasValue(500);
    assertThat(validation.maxWords()).hasValue(80);
  }

  @Test
  void publishesItsJsonSchema() {
    assertThat(FormDefinitions.jsonSchema()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }
}

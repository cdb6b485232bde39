package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;

/** File questions in definitions: their rules with defaults, and every problem with its place. */
class FileQuestionDefinitionTest {
  @Test
  void theUploadSampleReadsWithItsRulesAndDefaults() {
    FormDefinition form = FormDefinitions.load(Path.of("samples/upload.yaml"));
    FileRules photo = form.question("photo").orElseThrow().files();
    assertThat(photo).isEqualTo(new FileRules(false, 1, List.of(FileKind.JPEG, FileKind.PNG), 5 * FileRules.MB,
        5 * FileRules.MB));
    FileRules evidence = form.question("evidence").orElseThrow().files();
    assertThat(evidence).isEqualTo(new FileRules(true, 3, List.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG,
        FileKind.DOCX), 5 * FileRules.MB, 8 * FileRules.MB));
    FileRules permit = form.question("permit").orElseThrow().files();
    assertThat(permit.accept()).containsExactly(FileKind.PDF);
    assertThat(permit.maxFileSize()).as("the default").isEqualTo(10 * FileRules.MB);
  }

  @Test
  void reportsEveryProblemOfFileQuestionsWithItsLineAndPath() {
    List<Problem> problems = FormDefinitions.check(Path.of("src/test/resources/definitions/bad-file.yaml"));
    String file = "src/test/resources/definitions/bad-file.yaml:";
    assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
        file + "9:19: pages[0].questions[0].maxFiles: 'maxFiles' is for a file question with multiple: true;"
            + " one file is limited by maxFileSize",
        file + "10:23: pages[0].questions[0].accept[1]: 'png' is listed twice",
        file + "11:22: pages[0].questions[0].maxFileSize: 200MB is more than a form should take in one post"
            + " (at most 100MB): larger files need another way in",
        file + "12:5: pages[1]: a page needs a title unless it has exactly one question, whose label is the heading",
        file + "14:15: pages[1].questions[0].type: a file question goes on a page of its own (GOV.UK's pattern):"
            + " a browser cannot keep the chosen file when another answer has an error",
        file + "19:23: pages[1].questions[0].maxTotalSize: maxTotalSize is less than maxFileSize",
        file + "23:17: pages[1].questions[1].accept: 'accept' is for file questions, not text",
        file + "26:44: pages[1].next[0].when.equals: a file question's answer can only be tested with answered,"
            + " not equals",
        file + "32:18: pages[2].questions[0].accept[0]: does not have a value in the enumeration"
            + " [\"pdf\", \"png\", \"jpeg\", \"docx\", \"xlsx\", \"odt\", \"ods\"]",
        file + "33:22: pages[2].questions[0].maxFileSize: does not match the regex pattern ^[1-9][0-9]{0,6}(KB|MB)$");
  }
}

package org.stpkit.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocatedDocumentTest {
  @Test
  void everyValueKnowsItsPathLineAndColumn() {
    LocatedDocument document = LocatedDocument.parse("""
        rules:
          - name: Visas
            when: {department: Visas, "odd key": 1}
        """, "policy.yaml");
    assertThat(document.isClean()).isTrue();
    LocatedNode root = document.root().orElseThrow();
    LocatedNode department = root.get("rules").orElseThrow().items().get(0).get("when").orElseThrow()
        .get("department").orElseThrow();
    assertThat(department.path()).isEqualTo("rules[0].when.department");
    assertThat(department.line()).isEqualTo(3);
    assertThat(department.column()).isEqualTo(24);
    assertThat(department.problem("no such department").toString())
        .isEqualTo("policy.yaml:3:24: rules[0].when.department: no such department");
    LocatedNode odd = root.nearest(List.of("rules", "0", "when", "odd key"));
    assertThat(odd.path()).isEqualTo("rules[0].when[\"odd key\"]");
    assertThat(odd.number()).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(1));
  }

  @Test
  void keysGivenTwiceAliasesAndSecondDocumentsAreProblemsAllAtOnce() {
    LocatedDocument document = LocatedDocument.parse("""
        a: &x 1
        a: 2
        b: *x
        ---
        c: 3
        """, "f.yaml");
    assertThat(document.problems()).extracting(Problem::toString).containsExactly(
        "f.yaml:2:1: a: the key 'a' is given twice; the first is at line 1",
        "f.yaml:3:4: b: aliases such as *x are not supported; write the value out",
        "f.yaml:5:1: the file holds one YAML document; remove the '---' before this second one");
    assertThat(document.root()).isPresent();
  }

  @Test
  void textThatIsNotYamlHasNoRootAndOneProblemAtItsPlace() {
    LocatedDocument document = LocatedDocument.parse("a: [1, 2\nb: 3\n", "broken.yaml");
    assertThat(document.root()).isEmpty();
    assertThat(document.problems()).hasSize(1);
    assertThat(document.problems().get(0).toString()).startsWith("broken.yaml:2:").contains("not valid YAML");
  }

  @Test
  void jsonIsReadAsJsonWithItsOwnErrors() {
    LocatedDocument good = LocatedDocument.parse("{\"pages\": [{\"title\": \"Name\"}]}", "form.json");
    assertThat(good.root().orElseThrow().nearest(List.of("pages", "0", "title")).path()).isEqualTo("pages[0].title");
    LocatedDocument bad = LocatedDocument.parse("{\"pages\": [}", "form.json");
    assertThat(bad.problems().get(0).toString()).startsWith("form.json:1:").contains("not valid JSON");
  }

  @Test
  void nearestStopsAtTheDeepestValueThatExists() {
    LocatedNode root = LocatedDocument.parse("pages:\n  - title: A\n", "f.yaml").root().orElseThrow();
    assertThat(root.nearest(List.of("pages", "7", "title")).path()).isEqualTo("pages");
    assertThat(root.nearest(List.of("pages", "0", "missing")).path()).isEqualTo("pages[0]");
  }

  @Test
  void aJsonPointerBecomesAProblemAtTheNearestPlaceNamedByItsWholePath() {
    LocatedNode root = LocatedDocument.parse("pages:\n  - title: A\n    \"a/b\": 2\n", "f.yaml").root().orElseThrow();
    assertThat(root.problemAt("/pages/0/title", "too short").toString()).isEqualTo("f.yaml:2:12: pages[0].title: too short");
    assertThat(root.problemAt("/pages/0/questions/2/name", "missing").toString())
        .isEqualTo("f.yaml:2:5: pages[0].questions[2].name: missing");
    assertThat(root.pathAt("/pages/0/a~1b")).isEqualTo("pages[0][\"a/b\"]");
    assertThat(root.pathAt("")).isEmpty();
    assertThat(LocatedNode.pointerSegments("/a~0b/1")).containsExactly("a~b", "1");
    assertThat(root.problemAt("", "empty").toString()).isEqualTo("f.yaml:1:1: empty");
  }

  @Test
  void anEmptyFileIsNothingAndAnEmptyValuePointsAtItsKey() {
    assertThat(LocatedDocument.parse("", "e.yaml").root().orElseThrow().kind()).isEqualTo(LocatedNode.Kind.NOTHING);
    LocatedNode empty = LocatedDocument.parse("a:\nb: 1\n", "e.yaml").root().orElseThrow().get("a").orElseThrow();
    assertThat(empty.kind()).isEqualTo(LocatedNode.Kind.NOTHING);
    assertThat(empty.line()).isEqualTo(1);
    assertThat(empty.describe()).isEqualTo("nothing");
  }

  @Test
  void yamlBooleansAreDescribedAsWritten() {
    LocatedNode root = LocatedDocument.parse("a: yes\nb: true\n", "b.yaml").root().orElseThrow();
    assertThat(root.get("a").orElseThrow().describe()).isEqualTo("'yes', which YAML reads as true");
    assertThat(root.get("b").orElseThrow().describe()).isEqualTo("true");
  }

  @Test
  void toJsonKeepsTheValues() {
    LocatedNode root = LocatedDocument.parse("a: [1, 2.5, x, true, ~]\nbig: 123456789012345678901234\n", "j.yaml")
        .root().orElseThrow();
    assertThat(root.toJson().toString()).isEqualTo("{\"a\":[1,2.5,\"x\",true,null],\"big\":123456789012345678901234}");
  }

  @Test
  void filesThatCannotBeReadAreOneProblemNamingTheFile(@TempDir Path dir) throws Exception {
    assertThat(LocatedDocument.read(dir.resolve("missing.yaml")).problems()).extracting(Problem::toString)
        .containsExactly(dir.resolve("missing.yaml") + ": no such file");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(LocatedDocument.read(latin1).problems().get(0).message()).isEqualTo("is not UTF-8 text; save it as UTF-8");
    Path bom = dir.resolve("bom.yaml");
    Files.writeString(bom, "\uFEFFname: x\n");
    assertThat(LocatedDocument.read(bom).root().orElseThrow().get("name").orElseThrow().text()).isEqualTo("x");
  }

  @Test
  void aProblemPrintsOnlyThePlaceItKnows() {
    assertThat(new Problem("feed.csv", 12, 0, "email", "not an email address").toString())
        .isEqualTo("feed.csv:12: email: not an email address");
    assertThat(Problem.of("catalogue", "DECISION_MADE", "unknown milestone").toString())
        .isEqualTo("catalogue: DECISION_MADE: unknown milestone");
    assertThat(new Problem("f.yaml", 0, 0, "", "empty").toString()).isEqualTo("f.yaml: empty");
  }
}

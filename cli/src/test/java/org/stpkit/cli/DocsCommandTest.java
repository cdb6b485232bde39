package org.stpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.cli.StpRunner.stp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stp docs --build} over a small site in a temporary repository: what it writes, and every
 * kind of problem it refuses to build with, each at its file and line.
 */
class DocsCommandTest {
  @TempDir Path repository;
  private Path docs;

  @BeforeEach
  void smallSite() throws IOException {
    docs = repository.resolve("docs");
    write("docs/site.yaml", """
        title: Test documentation
        sections: [guide, adr]
        records: [adr]
        schemas:
          access-policy: org/stpkit/idam/access-policy.schema.json
        """);
    write("docs/index.md", page("Home", "See [the guide](guide/index.md) and [a decision](adr/0001-one.md#context)."));
    write("docs/guide/index.md", page("Guide", "## First\n\nText.\n\n## Second\n\nMore text."));
    write("docs/guide/policy.md", page("Policy", """
        A policy:

        ```yaml schema=access-policy
        rules:
          - name: Everyone
            groups: [/staff]
        ```

        ```java include=mod/src/test/java/org/example/SampleTest.java tag=sample
        ```

        ```stp-schema access-policy
        ```

        Commands: [apply](cli.md#stp-idam-apply).
        """));
    write("docs/guide/cli.md", page("CLI", "```stp-cli\n```"));
    write("docs/adr/index.md", "# Decisions\n\nRecords.\n");
    write("docs/README.md", "# docs\n\nWhat the folder is, for someone browsing the repository: not a page of the site.\n");
    write("docs/adr/0001-one.md", "# 1. One\n\n## Context\n\nWhy.\n");
    write("mod/src/test/java/org/example/SampleTest.java", """
        class SampleTest {
          void sample() {
            // tag::sample[]
            int answer = 42;
            // end::sample[]
          }
        }
        """);
  }

  @Test
  void buildsTheSiteWithNavigationContentsReviewDatesSearchAndReferences() throws IOException {
    StpRunner.Result result = build();

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Built 7 pages into ");
    Path site = docs.resolve("target/site");
    String guide = Files.readString(site.resolve("guide/index.html"));
    assertThat(guide)
        .contains("<title>Guide - Test documentation</title>")
        .contains("govuk-breadcrumbs", "href=\"../index.html\"")
        .contains("aria-label=\"Contents\"", "href=\"#first\"", "href=\"#second\"")
        .contains("This page was last reviewed on 8 December 2026. It needs to be reviewed again on 8 June 2027.")
        .contains("aria-current=\"page\"", "href=\"../guide/policy.html\"")
        .contains("href=\"../assets/govuk-frontend.min.css\"", "href=\"../site-assets/stp-docs.css\"");
    String policy = Files.readString(site.resolve("guide/policy.html"));
    assertThat(policy)
        .contains("int answer = 42;").doesNotContain("tag::sample")
        .contains("id=\"access-policy-rules\"", "Top-level keys", "govuk-tag")
        .contains("href=\"cli.html#stp-idam-apply\"");
    String cli = Files.readString(site.resolve("guide/cli.html"));
    assertThat(cli).contains("id=\"stp-docs\"", "id=\"stp-idam-apply\"", "--allow-mass-change", "--build");
    assertThat(Files.readString(site.resolve("search-index.js"))).startsWith("window.stpDocsSearchIndex = [")
        .contains("\"title\":\"Policy\"");
    assertThat(site.resolve("assets/fonts")).isDirectory();
    assertThat(Files.readString(site.resolve("assets/govuk-frontend.min.css"))).doesNotContain("url(/assets/");
    assertThat(site.resolve("site-assets/stp-docs-search.js")).isRegularFile();
    assertThat(site.resolve("site-assets/stp-docs-reload.js")).doesNotExist();
  }

  @Test
  void refusesEveryBrokenSampleLinkAndPageWithItsPlace() throws IOException {
    write("docs/guide/broken.md", """
        ---
        last_reviewed: 2026-13-01
        reviewer: nobody
        ---

        # Broken

        ```java
        int retyped = 1;
        ```

        ```java include=mod/src/main/java/Thing.java
        ```

        ```java include=mod/src/test/java/org/example/SampleTest.java tag=missing
        ```

        ```yaml
        rules: []
        ```

        ```yaml schema=access-policy
        rules:
          - name: Nothing granted
            colour: blue
        ```

        ```xml
        <dependency><groupId>x</groupId>
        ```

        [gone](missing.md), [no anchor](index.md#third), [outside](../../README.md).

        ```stp-schema nothing
        ```
        """);
    write("docs/guide/untitled.md", "---\nlast_reviewed: 2026-12-08\n---\n\nNo title here.\n");
    write("docs/guide/unreviewed.md", "# Unreviewed\n");
    write("docs/stray/page.md", "# Stray\n");

    StpRunner.Result result = build();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).contains(
        "docs/guide/broken.md:2: front matter: last_reviewed must be a date as yyyy-mm-dd, not '2026-13-01'",
        "docs/guide/broken.md:3: front matter: unknown key 'reviewer'; expected one of description, last_reviewed, review_in, order",
        "docs/guide/broken.md:8: a Java sample is included from a test that the build compiles and runs "
            + "(```java include=<path of a *Test.java or *IT.java> tag=<region>), never written in the page",
        "docs/guide/broken.md:12: include=mod/src/main/java/Thing.java: no such file in the repository",
        "docs/guide/broken.md:12: Java samples come from tests (src/test/java/...Test.java or ...IT.java), so that the build runs them; "
            + "mod/src/main/java/Thing.java is not one",
        "docs/guide/broken.md:15: mod/src/test/java/org/example/SampleTest.java has no region tag::missing[]",
        "docs/guide/broken.md:18: a yaml sample names the format it is in, to be checked against its schema: schema=access-policy",
        "docs/guide/broken.md:24: not a valid access-policy: /rules/0: property 'colour' is not defined in the schema and the schema does not allow additional properties",
        "docs/guide/broken.md:32: no page of the site is made from missing.md",
        "docs/guide/broken.md:32: no heading or anchor '#third' on docs/guide/index.md",
        "docs/guide/broken.md:32: no page of the site is made from ../../README.md",
        "docs/guide/broken.md:34: stp-schema nothing: site.yaml names no such schema, or it is not on the classpath",
        "docs/guide/untitled.md:4: a page starts with its title as a level-1 heading: # Title",
        "docs/guide/unreviewed.md:1: front matter: last_reviewed is missing: the date someone last checked this page is true",
        "docs/stray/page.md: not part of the site: pages go in docs/index.md or a section folder that site.yaml lists");
    assertThat(result.err()).contains("docs/guide/broken.md:28: the XML sample is not well-formed")
        .doesNotContain("broken.md:1: front matter: last_reviewed is missing");
    assertThat(result.err().lines().toList()).last().asString().endsWith("problems in the documentation; nothing written");
    assertThat(docs.resolve("target/site")).doesNotExist();
  }

  @Test
  void checksTheStpKeysOfAnApplicationYamlAgainstTheStartersProperties() throws IOException {
    write("docs/site.yaml", """
        title: Test documentation
        sections: [guide, adr]
        records: [adr]
        schemas:
          access-policy: org/stpkit/idam/access-policy.schema.json
          spring-properties: META-INF/spring-configuration-metadata.json
        """);
    write("docs/guide/index.md", page("Guide", """
        A service's configuration:

        ```yaml schema=spring-properties
        server:
          port: 8080
        stp:
          forms:
            session-timeout: 30m
            paths: {apply-for-a-licence: /apply}
          notify:
            catalogue: classpath:notify-milestones.yaml
            outbox: {database: embedded}
        ```

        A mistyped one:

        ```yaml schema=spring-properties
        stp:
          forms:
            sesion-timeout: 30m
          idam:
            keycloak:
              realm: [staff]
        ```

        ```stp-schema spring-properties
        ```
        """));

    StpRunner.Result result = build();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines().filter(line -> line.startsWith("docs/")).toList()).containsExactly(
        "docs/guide/index.md:27: not a valid spring-properties: /stp/forms: property 'sesion-timeout' is not defined"
            + " in the schema and the schema does not allow additional properties",
        "docs/guide/index.md:30: not a valid spring-properties: /stp/idam/keycloak/realm: array found, string expected");
  }

  @Test
  void refusesAFolderThatIsNotADocsFolder() {
    StpRunner.Result result = stp("", "docs", "--build", "--source", repository.resolve("nowhere").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not a docs folder (it has no site.yaml)");
  }

  private StpRunner.Result build() {
    return stp("", "docs", "--build", "--source", docs.toString());
  }

  private static String page(String title, String body) {
    return "---\ndescription: The " + title + " page.\nlast_reviewed: 2026-12-08\n---\n\n# " + title + "\n\n" + body + "\n";
  }

  private void write(String path, String text) throws IOException {
    Path file = repository.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}

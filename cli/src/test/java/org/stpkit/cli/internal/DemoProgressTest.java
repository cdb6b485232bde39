package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code stp demo}'s progress as plain lines: each step announced, then ended with the time it took. */
class DemoProgressTest {
  @Test
  void eachStepIsALineWhenItStartsAndWhenItEndsWithItsTimes() {
    StringWriter written = new StringWriter();
    try (DemoProgress progress = DemoProgress.plain(new PrintWriter(written))) {
      DemoProgress.Step build = progress.begin("building the example");
      build.status("building the example: module 3 of 15, forms-engine");
      build.done("built the example");
      progress.note("the example is up to date");
      DemoProgress.Step failing = progress.begin("starting Keycloak");
      failing.abandon();
    }

    assertThat(written.toString().lines().toList()).satisfiesExactly(
        line -> assertThat(line).matches("\\[ +\\d+\\.\\d s] building the example\\.\\.\\."),
        line -> assertThat(line).matches("\\[ +\\d+\\.\\d s] built the example \\(\\d+\\.\\d s\\)"),
        line -> assertThat(line).matches("\\[ +\\d+\\.\\d s] the example is up to date"),
        line -> assertThat(line).matches("\\[ +\\d+\\.\\d s] starting Keycloak\\.\\.\\."));
  }
}

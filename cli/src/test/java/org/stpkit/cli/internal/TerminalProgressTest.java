package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.stpkit.idam.Progress;

/** The progress line's words and figures, and silence when standard error is not a terminal. */
class TerminalProgressTest {
  @Test
  void theLineGivesPeopleDoneTheRateAndTheTimeLeft() {
    assertThat(TerminalProgress.line(Progress.Stage.APPLYING, 2_500, 10_000, 25.0))
        .isEqualTo("applying: 2,500 of 10,000 people, 100/s, 1m 15s left");
    assertThat(TerminalProgress.line(Progress.Stage.APPLYING, 10_000, 10_000, 100.0))
        .isEqualTo("applying: 10,000 of 10,000 people, 100/s");
    assertThat(TerminalProgress.line(Progress.Stage.READING, 40, 200, 4.0))
        .isEqualTo("reading Keycloak: 40 of 200 reads, 10/s, 16s left");
  }

  @Test
  void inATestRunStandardErrorIsNoTerminalSoNothingIsShown() {
    StringWriter written = new StringWriter();
    Progress progress = TerminalProgress.forTerminal(new PrintWriter(written));
    progress.update(Progress.Stage.APPLYING, 1, 2);
    assertThat(progress).isSameAs(Progress.NONE);
    assertThat(written.toString()).isEmpty();
  }
}

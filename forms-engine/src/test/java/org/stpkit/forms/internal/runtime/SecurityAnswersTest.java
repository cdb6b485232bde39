package org.stpkit.forms.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityAnswersTest {
  @Test
  void matchesTheAnswerAsPeopleTypeItAndNothingElse() {
    String hash = SecurityAnswers.hash("Mill Lane");

    assertThat(hash).startsWith("pbkdf2-sha256$600000$").doesNotContainIgnoringCase("mill");
    assertThat(SecurityAnswers.matches("  mill   LANE ", hash)).isTrue();
    assertThat(SecurityAnswers.matches("Ｍｉｌｌ Lane", hash)).as("full-width letters, NFKC").isTrue();
    assertThat(SecurityAnswers.matches("Mill Road", hash)).isFalse();
    assertThat(SecurityAnswers.matches("Mill Lane", "plain text")).isFalse();
    assertThat(SecurityAnswers.matches("Mill Lane", "pbkdf2-sha256$x$y$z")).isFalse();
  }

  @Test
  void saltsEachHash() {
    assertThat(SecurityAnswers.hash("Mill Lane")).isNotEqualTo(SecurityAnswers.hash("Mill Lane"));
  }
}

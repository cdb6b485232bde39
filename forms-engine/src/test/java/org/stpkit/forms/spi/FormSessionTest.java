package org.stpkit.forms.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A session is immutable throughout, and passes on what it need not copy as the same objects. */
class FormSessionTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final FormSession session = FormSession.start("s1", "apply", "csrf", NOW)
      .withPageAnswers("/name", Map.of("name", Map.of("name", List.of("Jo"))), NOW)
      .withPageAnswers("/age", Map.of("age", Map.of("age", List.of("35"))), NOW);

  @Test
  void answersGivenInCollectionsThatCanChangeAreCopied() {
    List<String> values = new ArrayList<>(List.of("Jo"));
    Map<String, List<String>> fields = new HashMap<>(Map.of("name", values));
    Map<String, Map<String, List<String>>> answers = new HashMap<>(Map.of("name", fields));
    Set<String> pages = new HashSet<>(Set.of("/name"));

    FormSession made = new FormSession("s2", "apply", "csrf", answers, pages, Optional.empty(), Optional.empty(), NOW,
        NOW);
    values.set(0, "Changed");
    fields.put("other", List.of("x"));
    answers.put("other", Map.of());
    pages.add("/other");

    assertThat(made.answers()).isEqualTo(Map.of("name", Map.of("name", List.of("Jo"))));
    assertThat(made.completedPages()).containsExactly("/name");
  }

  @Test
  void answersCannotBeChangedAtAnyLevel() {
    assertThatThrownBy(() -> session.answers().put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> session.answers().get("name").put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> session.answers().get("name").get("name").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> session.completedPages().add("/x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withersThatLeaveTheAnswersAloneKeepTheSameObjects() {
    for (FormSession changed : List.of(session.touchedAt(NOW.plusSeconds(1)), session.inLanguage("cy", NOW),
        session.withSubmissionReference("REF-1", NOW))) {
      assertThat(changed.answers()).isSameAs(session.answers());
      assertThat(changed.completedPages()).isSameAs(session.completedPages());
    }
  }

  @Test
  void savingAPageKeepsTheOtherQuestionsFieldsAsTheyAre() {
    FormSession saved = session.withPageAnswers("/age", Map.of("age", Map.of("age", List.of("36"))), NOW);

    assertThat(saved.answers()).isNotSameAs(session.answers());
    assertThat(saved.answers().get("name")).isSameAs(session.answers().get("name"));
    assertThat(saved.answers().get("age")).isEqualTo(Map.of("age", List.of("36")));
    assertThat(session.answers().get("age")).isEqualTo(Map.of("age", List.of("35")));
  }
}

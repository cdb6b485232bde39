package org.stpkit.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked form definition: every route leads to a known page, every condition names known
 * questions, there are no routing cycles and every page can be reached. Load one with {@link
 * FormDefinitions}.
 */
public record FormDefinition(
    String id,
    LocalisedText title,
    int version,
    List<String> languages,
    String startPage,
    List<Page> pages,
    Map<String, Condition> conditions,
    CheckAnswersSettings checkAnswers,
    ConfirmationSettings confirmation,
    Optional<SaveAndReturnSettings> saveAndReturn) {

  public FormDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    languages = List.copyOf(languages);
    Objects.requireNonNull(startPage, "startPage");
    pages = List.copyOf(pages);
    conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    Objects.requireNonNull(checkAnswers, "checkAnswers");
    Objects.requireNonNull(confirmation, "confirmation");
    Objects.requireNonNull(saveAndReturn, "saveAndReturn");
  }

  /**
   * The page after this one in the list when no route applies: exit pages are skipped, for they are
   * reached by routes only; empty after the last page (check your answers comes next).
   */
  public Optional<Page> pageAfter(Page page) {
    int index = pages.indexOf(page);
    for (int i = index + 1; index >= 0 && i < pages.size(); i++) {
      if (!pages.get(i).exit()) {
        return Optional.of(pages.get(i));
      }
    }
    return Optional.empty();
  }

  public Optional<Page> page(String path) {
    return pages.stream().filter(page -> page.path().equals(path)).findFirst();
  }

  /**
   * Every question, in page order (a repeating section's item questions with the page that holds it);
   * a question revealed by an option comes after the one that reveals it.
   */
  public List<Question> questions() {
    List<Question> all = new java.util.ArrayList<>();
    for (Page page : pages) {
      for (Question question : page.allQuestions()) {
        all.add(question);
        all.addAll(question.revealedQuestions());
      }
    }
    return all;
  }

  public Optional<Question> question(String name) {
    return questions().stream().filter(question -> question.name().equals(name)).findFirst();
  }

  /** The page that asks a question (or has the option that reveals it, or holds the repeating section that asks it). */
  public Optional<Page> pageOf(String questionName) {
    return pages.stream()
        .filter(page -> page.allQuestions().stream().anyMatch(question -> question.name().equals(questionName)
            || question.revealedQuestions().stream().anyMatch(revealed -> revealed.name().equals(questionName))))
        .findFirst();
  }

  /**
   * Settings of the check-your-answers page; what a definition leaves out is the engine's message
   * in the page's language ("Check your answers before sending your application", "Accept and send").
   */
  public record CheckAnswersSettings(Optional<LocalisedText> title, Optional<LocalisedText> declaration,
      Optional<LocalisedText> submitText) {
    public CheckAnswersSettings {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(declaration, "declaration");
      Objects.requireNonNull(submitText, "submitText");
    }
  }

  /** Settings of the confirmation page; without a title, the engine's message ("Application complete"). */
  public record ConfirmationSettings(Optional<LocalisedText> title, Optional<LocalisedText> body, String referencePrefix) {
    public ConfirmationSettings {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(referencePrefix, "referencePrefix");
    }
  }

  /**
   * "Save and come back later", when the definition offers it ({@code saveAndReturn}): a button on
   * each page of questions, and a link by email back to where the user left off.
   *
   * @param securityQuestion asked when the user saves, and again when they come back; none for no question
   */
  public record SaveAndReturnSettings(Optional<LocalisedText> securityQuestion) {
    public SaveAndReturnSettings {
      Objects.requireNonNull(securityQuestion, "securityQuestion");
    }
  }
}

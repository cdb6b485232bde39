package org.stpkit.forms.spi;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One user's journey through one form, as an answer store keeps it: the fields as typed for each
 * answered question, the pages completed, the CSRF token, and the submission's reference once sent.
 * Plain values only, so that a store can write it as JSON.
 *
 * @param answers question name → form field → values, as the user typed them
 * @param completedPages paths of the pages the user has continued from
 * @param submissionReference set once, when the answers are sent
 * @param language the language the user chose ({@code en}, {@code cy}); the form's first until they choose
 */
public record FormSession(
    String id,
    String formId,
    String csrfToken,
    Map<String, Map<String, List<String>>> answers,
    Set<String> completedPages,
    Optional<String> submissionReference,
    Optional<String> language,
    Instant createdAt,
    Instant updatedAt) {

  public FormSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(csrfToken, "csrfToken");
    answers = immutableAnswers(answers);
    // Set.copyOf returns a set that is already immutable as it is, so the withers keep it.
    completedPages = Set.copyOf(completedPages);
    Objects.requireNonNull(submissionReference, "submissionReference");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new, empty journey. */
  public static FormSession start(String id, String formId, String csrfToken, Instant now) {
    return new FormSession(id, formId, csrfToken, Map.of(), Set.of(), Optional.empty(), Optional.empty(), now, now);
  }

  /** This session with a page's answers saved and the page marked complete. */
  public FormSession withPageAnswers(String pagePath, Map<String, Map<String, List<String>>> pageAnswers, Instant now) {
    Map<String, Map<String, List<String>>> merged = new HashMap<>(answers);
    merged.putAll(pageAnswers);
    Set<String> pages = new HashSet<>(completedPages);
    pages.add(pagePath);
    return new FormSession(id, formId, csrfToken, merged, pages, submissionReference, language, createdAt, now);
  }

  /**
   * This session with its answers and completed pages replaced as a whole: for changes that remove
   * answers too, such as removing an item of a repeating section and renumbering the rest.
   */
  public FormSession withAnswers(Map<String, Map<String, List<String>>> newAnswers, Set<String> newCompletedPages,
      Instant now) {
    return new FormSession(id, formId, csrfToken, newAnswers, newCompletedPages, submissionReference, language,
        createdAt, now);
  }

  public FormSession withSubmissionReference(String reference, Instant now) {
    return new FormSession(id, formId, csrfToken, answers, completedPages, Optional.of(reference), language, createdAt, now);
  }

  public FormSession touchedAt(Instant now) {
    return new FormSession(id, formId, csrfToken, answers, completedPages, submissionReference, language, createdAt, now);
  }

  /** This session in the language the user chose. */
  public FormSession inLanguage(String chosen, Instant now) {
    return new FormSession(id, formId, csrfToken, answers, completedPages, submissionReference, Optional.of(chosen),
        createdAt, now);
  }

  /** The classes of the JDK's immutable maps ({@code Map.of}, {@code Map.copyOf}): they hold no nulls and never change. */
  private static final Set<Class<?>> IMMUTABLE_MAPS = Set.of(Map.of().getClass(), Map.of("", "").getClass());

  /**
   * The answers as an immutable copy. What is already immutable throughout is kept as the same object
   * (a session's own answers, passed on by {@link #touchedAt} and the other withers, and every
   * question's fields but the page just saved): copying them all on every request cost CPU, and the
   * engine recognises answers it has already walked by that object.
   */
  private static Map<String, Map<String, List<String>>> immutableAnswers(Map<String, Map<String, List<String>>> answers) {
    if (IMMUTABLE_MAPS.contains(answers.getClass()) && answers.values().stream().allMatch(FormSession::immutable)) {
      return answers;
    }
    Map<String, Map<String, List<String>>> copy = new HashMap<>();
    answers.forEach((question, fields) -> copy.put(question, immutable(fields) ? fields : copyFields(fields)));
    return Map.copyOf(copy);
  }

  private static boolean immutable(Map<String, List<String>> fields) {
    if (!IMMUTABLE_MAPS.contains(fields.getClass())) {
      return false;
    }
    for (List<String> values : fields.values()) {
      // List.copyOf returns a list that is already immutable (and holds no nulls) as it is.
      if (List.copyOf(values) != values) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<String>> copyFields(Map<String, List<String>> fields) {
    Map<String, List<String>> copy = new HashMap<>();
    fields.forEach((field, values) -> copy.put(field, List.copyOf(values)));
    return Map.copyOf(copy);
  }
}

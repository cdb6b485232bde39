package org.stpkit.forms.spi;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A journey saved with "Save and come back later", as a {@link ProgressStore} keeps it until its
 * link is used or expires: the answers as typed, the pages completed, the language and the page to
 * return to. Plain values only, so that a store can write it as JSON.
 *
 * @param id stands for the saved journey (not the link's secret)
 * @param tokenHash the digest of the link's secret: the store's key; the secret itself is never kept
 * @param returnPath the page the user was on, below the form's mount path
 * @param securityAnswerHash the answer to the security question, salted and hashed (PBKDF2), when the
 *     form asks one
 */
public record SavedProgress(String id, String tokenHash, String formId, int formVersion,
    Map<String, Map<String, List<String>>> answers, Set<String> completedPages, Optional<String> language,
    String returnPath, Optional<String> securityAnswerHash, Instant savedAt, Instant expiresAt) {
  public SavedProgress {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(formId, "formId");
    Map<String, Map<String, List<String>>> copy = new HashMap<>();
    answers.forEach((question, fields) -> {
      Map<String, List<String>> fieldsCopy = new HashMap<>();
      fields.forEach((field, values) -> fieldsCopy.put(field, List.copyOf(values)));
      copy.put(question, Map.copyOf(fieldsCopy));
    });
    answers = Map.copyOf(copy);
    completedPages = Set.copyOf(completedPages);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(returnPath, "returnPath");
    Objects.requireNonNull(securityAnswerHash, "securityAnswerHash");
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * What a store knows of a link, whether or not it still works.
   *
   * @param used whether the link has been used (it works once)
   * @param attempts answers given to the security question so far, right or wrong
   * @param securityAnswerHash as {@link SavedProgress#securityAnswerHash()}; empty without a question
   * @param discarded whether the saved answers are gone (used, refused after too many wrong answers, or expired)
   */
  public record Link(String formId, Instant savedAt, Instant expiresAt, boolean used, int attempts,
      Optional<String> securityAnswerHash, boolean discarded) {
    public Link {
      Objects.requireNonNull(formId, "formId");
      Objects.requireNonNull(savedAt, "savedAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(securityAnswerHash, "securityAnswerHash");
    }
  }
}

package org.stpkit.forms.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Where journeys saved with "Save and come back later" are kept until their link is used or
 * expires, keyed by the digest of the link's secret. It must outlive any instance: forms-outbox's
 * {@code FormsProgressStore} keeps them in the forms database (PostgreSQL or H2). Implementations
 * must be thread-safe and {@link #use} and {@link #countAttempt} atomic across instances.
 */
public interface ProgressStore {
  /** Keeps a saved journey until it expires. */
  void save(SavedProgress progress);

  /** What is known of the link with this digest; empty when there is none (never made, or long forgotten). */
  Optional<SavedProgress.Link> find(String tokenHash);

  /**
   * Counts one more answer to the link's security question, atomically, before it is checked, so that
   * answers given at once on several instances are all counted.
   *
   * @return the number of answers given, this one included (1 for the first); 0 for an unknown link
   */
  int countAttempt(String tokenHash);

  /**
   * Uses the link: the saved journey, to the one caller that uses it first while it has not expired
   * at {@code now}; empty to every other. The saved answers may be forgotten once handed out.
   */
  Optional<SavedProgress> use(String tokenHash, Instant now);

  /** Forgets the saved answers of a link that must never work again (too many wrong answers, not sent). */
  void discard(String tokenHash);
}

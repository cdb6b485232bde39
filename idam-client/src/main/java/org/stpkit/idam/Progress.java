package org.stpkit.idam;

/**
 * Told how a long run is going, for a progress display: how many people of how many are done in
 * the current stage. Called from the reconciler's threads, often; implementations keep it cheap and
 * thread-safe. {@link #NONE} by default.
 */
@FunctionalInterface
public interface Progress {
  /** What a run is doing. */
  enum Stage {
    /** Reading the managed users and their access from Keycloak. */
    READING,
    /** Applying the plan, person by person. */
    APPLYING
  }

  /** Says nothing: the default, for libraries and batch jobs. */
  Progress NONE = (stage, done, total) -> { };

  /**
   * {@code done} of {@code total} in {@code stage}; {@code total} is 0 when not known yet. Called
   * once with {@code done == total} when a stage ends.
   */
  void update(Stage stage, int done, int total);
}

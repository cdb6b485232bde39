package org.stpkit.formsoutbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.stpkit.forms.spi.ProgressStore;
import org.stpkit.forms.spi.SavedProgress;
import org.stpkit.formsoutbox.internal.ProgressRows;

/**
 * forms-engine's journeys saved with "Save and come back later", in the forms database
 * ({@code forms_saved_progress}), shared by every instance and kept across restarts: give it to
 * {@code SaveAndReturn.builder(formUrl, FormsProgressStore.on(database), sender)}.
 *
 * <p>Only the digest of each link's secret is kept, and no email address. A link is used once, under a
 * row lock, whichever instance it reaches; the saved answers are removed when it is used, when too
 * many wrong answers refuse it, and (whenever progress is saved) when it has expired. Rows are deleted
 * 90 days after their link expired.
 *
 * @throws FormsOutboxException from every method when the database cannot be used
 */
public final class FormsProgressStore implements ProgressStore {
  private final ProgressRows rows;

  private FormsProgressStore(FormsDatabase database) {
    this.rows = new ProgressRows(database.dataSource());
  }

  public static FormsProgressStore on(FormsDatabase database) {
    return new FormsProgressStore(Objects.requireNonNull(database, "database"));
  }

  @Override
  public void save(SavedProgress progress) {
    rows.save(Objects.requireNonNull(progress, "progress"));
  }

  @Override
  public Optional<SavedProgress.Link> find(String tokenHash) {
    return rows.find(Objects.requireNonNull(tokenHash, "tokenHash"));
  }

  @Override
  public int countAttempt(String tokenHash) {
    return rows.countAttempt(Objects.requireNonNull(tokenHash, "tokenHash"));
  }

  @Override
  public Optional<SavedProgress> use(String tokenHash, Instant now) {
    return rows.use(Objects.requireNonNull(tokenHash, "tokenHash"), Objects.requireNonNull(now, "now"));
  }

  @Override
  public void discard(String tokenHash) {
    rows.discard(Objects.requireNonNull(tokenHash, "tokenHash"));
  }
}

package org.stpkit.formsoutbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.stpkit.formsoutbox.FormsOutboxException;
import org.stpkit.formsoutbox.spi.Delivery;
import org.stpkit.formsoutbox.spi.RecordedSubmission;

/** What an output is handed for one attempt. */
final class AttemptContext implements Delivery {
  private final Deliveries.Claimed claimed;
  private final LazyTransaction transaction;

  AttemptContext(Deliveries.Claimed claimed, LazyTransaction transaction) {
    this.claimed = claimed;
    this.transaction = transaction;
  }

  @Override
  public RecordedSubmission submission() {
    return claimed.submission();
  }

  @Override
  public String idempotencyKey() {
    return claimed.id();
  }

  @Override
  public int attempt() {
    return claimed.attempt();
  }

  @Override
  public Connection transaction() {
    try {
      return transaction.connection();
    } catch (SQLException e) {
      throw new FormsOutboxException("Cannot open a transaction on the forms database: " + e.getMessage(), e);
    }
  }
}

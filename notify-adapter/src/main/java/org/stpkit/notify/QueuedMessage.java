package org.stpkit.notify;

import java.util.Objects;

/**
 * A message in the outbox.
 *
 * @param notifyReference the unique reference Notify gets with it (no personal data): how the
 *     adapter finds it in Notify after a send whose outcome it did not hear
 * @param recipient the normalised email address or mobile number, or the letter's first line
 */
public record QueuedMessage(String id, String messageName, Channel channel, String templateId, String notifyReference,
    String recipient) {
  public QueuedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(messageName, "messageName");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(notifyReference, "notifyReference");
    Objects.requireNonNull(recipient, "recipient");
  }
}

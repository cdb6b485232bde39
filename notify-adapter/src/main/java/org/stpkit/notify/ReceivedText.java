package org.stpkit.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A text message someone sent to a service's number (Notify's "received text messages"): how a
 * service hears "STOP", or a reply to a reminder.
 *
 * @param service the Notify service's name ({@code ""} for the default one)
 * @param from the sender's number
 * @param to the service's number it was sent to
 */
public record ReceivedText(String id, String service, String from, String to, String content, Instant receivedAt) {
  public ReceivedText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}

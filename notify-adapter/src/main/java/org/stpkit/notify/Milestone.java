package org.stpkit.notify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A milestone a case can reach, and the messages it sends.
 *
 * @param service the Notify service (API key) its messages go through, when not the catalogue's
 */
public record Milestone(String name, List<MessageSpec> messages, Optional<String> service) {
  public Milestone {
    Objects.requireNonNull(name, "name");
    messages = List.copyOf(messages);
    Objects.requireNonNull(service, "service");
  }
}

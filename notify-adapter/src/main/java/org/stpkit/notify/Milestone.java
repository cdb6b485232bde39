package org.stpkit.notify;

import java.util.List;
import java.util.Objects;

/** A milestone a case can reach, and the messages it sends. */
public record Milestone(String name, List<MessageSpec> messages) {
  public Milestone {
    Objects.requireNonNull(name, "name");
    messages = List.copyOf(messages);
  }
}

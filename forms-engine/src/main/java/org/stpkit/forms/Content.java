package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * A content block.
 *
 * @param summary for details: the line that opens it
 * @param showWhen shown only when this condition holds
 */
public record Content(ContentType type, LocalisedText text, Optional<LocalisedText> summary,
    Optional<Condition> showWhen) implements PageItem {
  public Content {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(showWhen, "showWhen");
  }
}

package org.stpkit.forms.internal.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page that only says something: a problem (not found, too large, failed), a timed-out session.
 *
 * @param buttonUrl where the page's one button goes; none for no button
 */
public record MessagePageView(PageFrame frame, String heading, List<String> paragraphs, @Nullable String buttonUrl,
    String buttonText) {
  public MessagePageView {
    paragraphs = List.copyOf(paragraphs);
  }
}

package org.stpkit.forms.internal.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A repeating section's page: the items added so far, each with change and remove links, and the
 * question whether to add another (none once the most items are added).
 *
 * @param addAnother the yes / no question, as a govuk radios component; none at the most items
 * @param atMost what the page says instead once the most items are added
 */
public record RepeatSummaryView(PageFrame frame, String heading, @Nullable String caption, List<Item> items,
    @Nullable Block addAnother, @Nullable String atMost, String action, String csrfToken, boolean returnToCheckAnswers) {
  public RepeatSummaryView {
    items = List.copyOf(items);
  }

  /**
   * One item: what it is called ("Child 1"), its first answer to tell it apart, and its links.
   *
   * @param lines the item's first answer, line by line
   */
  public record Item(String label, List<String> lines, String changeUrl, String removeUrl) {
    public Item {
      lines = List.copyOf(lines);
    }
  }
}

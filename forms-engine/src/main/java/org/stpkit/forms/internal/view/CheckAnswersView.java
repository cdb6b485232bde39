package org.stpkit.forms.internal.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Check your answers: the answers on the route by section, each with a change link, the declaration
 * and the button that sends them.
 */
public record CheckAnswersView(PageFrame frame, String heading, List<Section> sections, @Nullable String declaration,
    String action, String csrfToken, String submitText) {
  public CheckAnswersView {
    sections = List.copyOf(sections);
  }

  /**
   * A summary list under its section's heading (none for answers outside any section), or one item
   * of a repeating section as a summary card.
   *
   * @param card the card's title ("Child 2"), for an item
   */
  public record Section(@Nullable String title, List<Row> rows, @Nullable String card) {
    public Section {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One answer.
   *
   * @param lines the answer as shown, one line each (an address's lines, each chosen option)
   * @param changeLabel what the change link changes, for screen readers ("date of birth")
   */
  public record Row(String question, List<String> lines, String changeUrl, String changeLabel) {
    public Row {
      lines = List.copyOf(lines);
    }
  }
}

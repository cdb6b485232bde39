package org.stpkit.forms.internal.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of questions and content.
 *
 * @param heading the h1; none when the page's one question's label or legend is the heading
 * @param caption the section, above the heading
 * @param returnToCheckAnswers whether continuing goes back to check your answers (a change)
 * @param exit an exit page: its content and no form, for the journey ends there
 * @param itemLabel on a page of a repeating section's item, which item ("Child 2"), above the question
 * @param saveAndReturn whether the page offers "Save and come back later" beside its continue button
 */
public record QuestionPageView(PageFrame frame, @Nullable String heading, @Nullable String caption, List<Block> blocks,
    String action, String csrfToken, boolean returnToCheckAnswers, boolean exit, @Nullable String itemLabel,
    boolean saveAndReturn) {
  public QuestionPageView {
    blocks = List.copyOf(blocks);
  }

  /** A page without "Save and come back later". */
  public QuestionPageView(PageFrame frame, @Nullable String heading, @Nullable String caption, List<Block> blocks,
      String action, String csrfToken, boolean returnToCheckAnswers, boolean exit, @Nullable String itemLabel) {
    this(frame, heading, caption, blocks, action, csrfToken, returnToCheckAnswers, exit, itemLabel, false);
  }
}

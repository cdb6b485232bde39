package org.stpkit.forms.internal.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of save and return with a form: the one asking for the address (and the answer to the
 * security question), and the one a return link opens.
 *
 * @param from the page the user was on, sent back with the form; none on the page a link opens
 */
public record SaveAndReturnView(PageFrame frame, String heading, List<String> paragraphs, List<Block> blocks,
    String action, @Nullable String from, String csrfToken, String submitText) {
  public SaveAndReturnView {
    paragraphs = List.copyOf(paragraphs);
    blocks = List.copyOf(blocks);
  }
}

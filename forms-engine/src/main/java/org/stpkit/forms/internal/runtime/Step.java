package org.stpkit.forms.internal.runtime;

import java.util.Optional;
import org.stpkit.forms.Page;
import org.stpkit.forms.Repeat;

/**
 * One page as a journey meets it, with its path: a page of the form, or a page of one item of a
 * repeating section ({@code /children/2/name}: item 2's {@code /name}).
 *
 * @param item the repeating section's page and the item's number (from 1), for an item's page
 */
record Step(Page page, String path, Optional<Item> item) {
  /** Which item of which repeating section. */
  record Item(Page holder, int index) {
    Repeat repeat() {
      return holder.repeat().orElseThrow();
    }
  }

  static Step of(Page page) {
    return new Step(page, page.path(), Optional.empty());
  }

  static Step inItem(Page holder, int index, Page page) {
    return new Step(page, holder.path() + "/" + index + page.path(), Optional.of(new Item(holder, index)));
  }

  /** Where this step's answers are kept: the question's name, in an item {@code children/2/name}. */
  String prefix() {
    return item.map(i -> Repeats.prefix(i.repeat(), i.index())).orElse("");
  }
}

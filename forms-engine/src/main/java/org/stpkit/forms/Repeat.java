package org.stpkit.forms;

import java.util.List;
import java.util.Objects;

/**
 * A repeating section ("add another"): pages asked once per item, such as each child or each address
 * in the last three years. The page that holds it lists the items, with change and remove, and asks
 * whether to add another; its answer is a list of the items' answers.
 *
 * @param name what the items' answers are submitted as; conditions compare its number of items
 * @param itemName what one item is called, lower case ("child"): "Child 2", "Add another child?"
 * @param min the fewest items a user can go on with
 * @param max the most items; at the most, the page no longer offers another
 * @param pages the pages asked for each item, in order; their conditions may use the item's answers
 */
public record Repeat(String name, LocalisedText itemName, int min, int max, List<Page> pages) {
  public Repeat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(itemName, "itemName");
    pages = List.copyOf(pages);
  }
}

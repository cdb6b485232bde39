package org.stpkit.cli.internal.docs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of the site, its Markdown rendered: what the layout, the navigation, the link check and
 * the search index need of it.
 *
 * @param source the Markdown file as problems name it ({@code docs/runbooks/index.md})
 * @param path the page's path in the site ({@code runbooks/index.html})
 * @param section the folder it is in ({@code runbooks}); empty for the start page
 * @param contentHtml the page's body below its title
 * @param headings the second-level headings, for the page's contents list
 * @param ids every id in the body, which links' {@code #anchors} may name
 * @param links every link the Markdown makes, with its line, to be checked
 * @param text the body as plain text, for the search index
 */
record RenderedPage(
    String source,
    String path,
    String section,
    String title,
    Optional<String> description,
    Optional<LocalDate> lastReviewed,
    Optional<LocalDate> reviewDue,
    int order,
    String contentHtml,
    List<Heading> headings,
    Set<String> ids,
    List<PageLink> links,
    String text) {

  record Heading(String id, String text) {}

  record PageLink(String destination, int line) {}

  boolean isSectionIndex() {
    return path.endsWith("index.html");
  }

  /**
   * The prefix that leads from the page back to the site's root: {@code ../} for each folder, and
   * {@code ./} at the root, because a module script's import of {@code assets/...} would be a bare
   * name, which browsers refuse.
   */
  String root() {
    int depth = (int) path.chars().filter(c -> c == '/').count();
    return depth == 0 ? "./" : "../".repeat(depth);
  }
}

package org.stpkit.cli.internal.docs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every link a page makes goes somewhere: another page of the site (its Markdown file, as the
 * writer links it), and the {@code #anchor} it names is an id on that page. Links to other sites
 * are not followed (the build has no network); links out of the site into the repository are
 * refused, because the built site does not carry the repository's files.
 */
final class LinkCheck {
  private LinkCheck() {}

  /**
   * @param pages every page by its path in the site
   * @param extraPaths paths the site has besides pages (the search page)
   */
  static void check(Map<String, RenderedPage> pages, Set<String> extraPaths, List<DocsProblem> problems) {
    for (RenderedPage page : pages.values()) {
      for (RenderedPage.PageLink link : page.links()) {
        check(page, link, pages, extraPaths, problems);
      }
    }
  }

  private static void check(RenderedPage page, RenderedPage.PageLink link, Map<String, RenderedPage> pages,
      Set<String> extraPaths, List<DocsProblem> problems) {
    String destination = link.destination();
    if (destination.isEmpty()) {
      problems.add(new DocsProblem(page.source(), link.line(), "a link without a destination"));
      return;
    }
    URI uri;
    try {
      uri = new URI(destination);
    } catch (URISyntaxException e) {
      problems.add(new DocsProblem(page.source(), link.line(), "'" + destination + "' is not a valid link: " + e.getReason()));
      return;
    }
    if (uri.getScheme() != null) {
      if (!List.of("http", "https", "mailto").contains(uri.getScheme())) {
        problems.add(new DocsProblem(page.source(), link.line(), "links go to pages of the site or to http(s) addresses, not " + destination));
      }
      return;
    }
    String target = MarkdownPages.pageLink(destination);
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? "" : target.substring(hash + 1);
    String path = file.isEmpty() ? page.path() : resolve(page.path(), file);
    if (path == null || (!pages.containsKey(path) && !extraPaths.contains(path))) {
      String hint = destination.endsWith(".md") || destination.contains(".md#")
          ? "no page of the site is made from " + destination
          : "no page of the site is at " + destination + " (link to a page by its Markdown file, such as ../reference/cli.md)";
      problems.add(new DocsProblem(page.source(), link.line(), hint));
      return;
    }
    RenderedPage target0 = pages.get(path);
    if (!anchor.isEmpty() && target0 != null && !target0.ids().contains(anchor)) {
      problems.add(new DocsProblem(page.source(), link.line(), "no heading or anchor '#" + anchor + "' on "
          + (target0 == page ? "this page" : target0.source()) + suggestions(anchor, target0)));
    }
  }

  private static String suggestions(String anchor, RenderedPage page) {
    String stem = anchor.length() > 4 ? anchor.substring(0, 4) : anchor;
    List<String> near = page.headings().stream().map(RenderedPage.Heading::id).filter(id -> id.contains(stem)).limit(3).toList();
    return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near.stream().map(id -> "#" + id).toList()) + "?";
  }

  /** The site path a relative link from {@code from} leads to; null when it leaves the site. */
  static String resolve(String from, String relative) {
    int slash = from.lastIndexOf('/');
    String base = slash < 0 ? "" : from.substring(0, slash + 1);
    String joined = relative.startsWith("/") ? relative.substring(1) : base + relative;
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : joined.split("/", -1)) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else if (!part.equals(".")) {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}

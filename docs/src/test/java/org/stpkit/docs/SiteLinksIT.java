package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every link and resource in the built HTML, the pages' chrome included (navigation, breadcrumbs,
 * contents, generated reference), leads to a file of the site and, with an anchor, to an id on that
 * page: the site works wherever it is put, with no server.
 */
class SiteLinksIT {
  private static final Path SITE = Path.of(System.getProperty("stp.site", "target/site"));

  @Test
  void everyLinkAndResourceResolvesInsideTheSite() throws IOException {
    List<String> pages = SiteIT.pages();
    Map<String, Set<String>> ids = new HashMap<>();
    Map<String, Document> documents = new HashMap<>();
    for (String page : pages) {
      Document document = Jsoup.parse(SITE.resolve(page).toFile());
      documents.put(page, document);
      ids.put(page, document.select("[id]").stream().map(element -> element.id()).collect(Collectors.toSet()));
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (String page : pages) {
      for (Element element : documents.get(page).select("a[href], link[href], script[src], img[src]")) {
        String target = element.hasAttr("href") ? element.attr("href") : element.attr("src");
        if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("mailto:")) {
          continue;
        }
        checked++;
        URI uri = URI.create(page).resolve(target);
        String file = uri.getPath().isEmpty() ? page : uri.getPath();
        if (target.startsWith("/") || file.startsWith("..") || !Files.isRegularFile(SITE.resolve(file))) {
          broken.add(page + ": " + target + " (no file " + file + " in the site)");
        } else if (uri.getFragment() != null && !uri.getFragment().isEmpty() && file.endsWith(".html")
            && !ids.get(file).contains(uri.getFragment())) {
          broken.add(page + ": " + target + " (no id '" + uri.getFragment() + "' on " + file + ")");
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
    assertThat(broken).isEmpty();
  }
}

package org.stpkit.cli.internal.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stpkit.templates.GovukAssets;

/**
 * What the page template is given for each page: the page itself, where it sits (service
 * navigation, side navigation, breadcrumbs), its contents list and review dates, all with links
 * relative to the page so that the site works from any folder, a static server or {@code file://}.
 */
final class SiteLayout {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String siteTitle;
  /** The sections in navigation order, each its pages in order, the section's index first. */
  private final Map<String, List<RenderedPage>> sections;
  private final RenderedPage home;
  private final LocalDate today;

  SiteLayout(String siteTitle, RenderedPage home, Map<String, List<RenderedPage>> sections, LocalDate today) {
    this.siteTitle = siteTitle;
    this.home = home;
    this.sections = sections;
    this.today = today;
  }

  /** The model of one page for {@code page.ftlh}. */
  Map<String, Object> page(RenderedPage page, List<DocsProblem> problems, boolean reload) {
    String root = page.root();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("siteTitle", siteTitle);
    model.put("root", root);
    model.put("stylesheet", GovukAssets.stylesheetHtml(root + "assets"));
    model.put("script", GovukAssets.scriptHtml(root + "assets", Optional.empty()));
    model.put("title", page.title());
    model.put("description", page.description().orElse(""));
    model.put("content", page.contentHtml());
    model.put("isHome", page == home);
    model.put("isSearch", page.path().equals("search.html"));
    model.put("headings", page.headings().stream().map(h -> Map.of("id", h.id(), "text", h.text())).toList());
    model.put("lastReviewed", page.lastReviewed().map(DATE::format).orElse(""));
    model.put("reviewDue", page.reviewDue().map(DATE::format).orElse(""));
    model.put("reviewOverdue", page.reviewDue().map(due -> due.isBefore(today)).orElse(false));
    model.put("problems", problems.stream().map(DocsProblem::toString).toList());
    model.put("reload", reload);

    Optional<RenderedPage> sectionIndex = Optional.ofNullable(sections.get(page.section())).map(pages -> pages.get(0));
    model.put("sectionTitle", sectionIndex.filter(index -> index != page).map(RenderedPage::title).orElse(""));
    model.put("serviceNavigation", serviceNavigation(page, root));
    model.put("sideNavigation", sideNavigation(page, root));
    model.put("breadcrumbs", breadcrumbs(page, sectionIndex, root));
    List<Map<String, String>> children = new ArrayList<>();
    if (page.isSectionIndex() && page != home) {
      for (RenderedPage child : sections.getOrDefault(page.section(), List.of())) {
        if (child != page) {
          children.add(Map.of("text", child.title(), "href", root + child.path(), "description", child.description().orElse("")));
        }
      }
    }
    model.put("sectionPages", children);
    return model;
  }

  private List<Map<String, Object>> serviceNavigation(RenderedPage page, String root) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map.Entry<String, List<RenderedPage>> section : sections.entrySet()) {
      RenderedPage index = section.getValue().get(0);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("href", root + index.path());
      item.put("text", index.title());
      if (page == index) {
        item.put("current", true);
      } else if (page.section().equals(section.getKey())) {
        item.put("active", true);
      }
      items.add(item);
    }
    return items;
  }

  /** The pages of the page's own section; on the start page, every section's index. */
  private List<Map<String, Object>> sideNavigation(RenderedPage page, String root) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<RenderedPage> pages = page == home
        ? sections.values().stream().map(list -> list.get(0)).toList()
        : sections.getOrDefault(page.section(), List.of());
    for (RenderedPage item : pages) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("href", root + item.path());
      link.put("text", item.title());
      link.put("current", item == page);
      items.add(link);
    }
    return items;
  }

  private List<Map<String, Object>> breadcrumbs(RenderedPage page, Optional<RenderedPage> sectionIndex, String root) {
    List<Map<String, Object>> items = new ArrayList<>();
    if (page == home) {
      return items;
    }
    items.add(Map.of("text", "Home", "href", root + home.path()));
    sectionIndex.filter(index -> index != page).ifPresent(index -> items.add(Map.of("text", index.title(), "href", root + index.path())));
    return items;
  }

  /**
   * The search index, as a script that sets a global: a page opened from {@code file://} may load
   * a script but not fetch a JSON file.
   */
  String searchIndexScript(List<RenderedPage> pages) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (RenderedPage page : pages) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("title", page.title());
      entry.put("path", page.path());
      entry.put("section", Optional.ofNullable(sections.get(page.section())).map(list -> list.get(0).title()).orElse(""));
      entry.put("description", page.description().orElse(""));
      entry.put("headings", page.headings().stream().map(h -> List.of(h.text(), h.id())).toList());
      entry.put("text", page.text().replaceAll("\\s+", " ").strip());
      entries.add(entry);
    }
    try {
      return "window.stpDocsSearchIndex = " + JSON.writeValueAsString(entries) + ";\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the search index", e);
    }
  }

  /** Every page by section, for the search page's list (what it shows without JavaScript). */
  List<Map<String, Object>> allPages(String root) {
    List<Map<String, Object>> groups = new ArrayList<>();
    groups.add(Map.of("title", home.title(), "pages", List.of(Map.of("text", home.title(), "href", root + home.path()))));
    for (List<RenderedPage> pages : sections.values()) {
      List<Map<String, String>> links = pages.stream()
          .map(page -> Map.of("text", page.title(), "href", root + page.path())).toList();
      groups.add(Map.of("title", pages.get(0).title(), "pages", links));
    }
    return groups;
  }
}

package org.stpkit.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.stpkit.cli.internal.GalleryCommand.Example;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.MojAssets;

/**
 * The gallery's pages: an index of both families, a page of examples for each component, and for
 * MoJ's patterns built on govuk-frontend components (a sortable table is govuk-frontend's table
 * with MoJ's {@code data-module}). MoJ pages load MoJ Frontend's assets after govuk-frontend's.
 * A component that is a page's own banner or footer ({@code role="banner"} or {@code
 * "contentinfo"}) is shown as the page's own header or footer, as a page has one of each: its
 * first example on the component's page, the others on pages of their own.
 */
final class GalleryPages {
  /** A page's HTML, and whether it is the page asked for or the page-not-found page. */
  record Page(boolean found, String html) {}

  private static final Pattern PAGE_LANDMARK = Pattern.compile("^<(header|footer)\\b[^>]*\\srole=\"(banner|contentinfo)\"");

  private final GovukTemplates templates;
  private final Map<String, List<Example>> examples;
  private final List<String> patterns = new ArrayList<>();

  /** Fails if a component has no examples, or a pattern's example does not name its macro. */
  GalleryPages(GovukTemplates templates, Map<String, List<Example>> examples) {
    List<String> missing = new ArrayList<>();
    for (String component : components(templates)) {
      if (examples.getOrDefault(component, List.of()).isEmpty()) {
        missing.add(component);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("gallery-examples.json has no examples for " + missing.size() + " of "
          + components(templates).size() + " components: " + String.join(", ", missing));
    }
    for (Map.Entry<String, List<Example>> page : examples.entrySet()) {
      if (!components(templates).contains(page.getKey())) {
        if (page.getValue().isEmpty() || page.getValue().stream().anyMatch(example -> example.macro() == null)) {
          throw new IllegalStateException("gallery-examples.json: \"" + page.getKey()
              + "\" is no component, so each of its examples must name the macro that renders it");
        }
        patterns.add(page.getKey());
      }
    }
    this.templates = templates;
    this.examples = examples;
  }

  private static List<String> components(GovukTemplates templates) {
    List<String> all = new ArrayList<>(templates.components());
    all.addAll(templates.mojComponents());
    return all;
  }

  Page page(String path) {
    if (path.equals("/")) {
      return new Page(true, index());
    }
    String prefix = "/components/";
    if (path.startsWith(prefix)) {
      String rest = path.substring(prefix.length());
      int slash = rest.indexOf('/');
      String name = slash < 0 ? rest : rest.substring(0, slash);
      if (examples.containsKey(name)) {
        if (slash < 0) {
          return new Page(true, component(name));
        }
        Optional<String> example = examplePage(name, rest.substring(slash + 1));
        if (example.isPresent()) {
          return new Page(true, example.get());
        }
      }
    }
    return new Page(false, notFound(path));
  }

  private String index() {
    return layout("Components", false, "<h1 class=\"govuk-heading-xl\">Components</h1>"
        + "<h2 class=\"govuk-heading-l\">GOV.UK Frontend</h2>"
        + "<p class=\"govuk-body\">GOV.UK Frontend " + GovukTemplates.GOVUK_FRONTEND_VERSION
        + " rendered by STP Kit's templates.</p>" + list(templates.components())
        + "<h2 class=\"govuk-heading-l\">MoJ Frontend</h2>"
        + "<p class=\"govuk-body\">The MoJ Pattern Library's components, MoJ Frontend " + GovukTemplates.MOJ_FRONTEND_VERSION
        + ", for caseworking services, by their Nunjucks macro names.</p>" + list(templates.mojComponents())
        + "<h3 class=\"govuk-heading-m\">MoJ patterns on GOV.UK Frontend components</h3>"
        + "<p class=\"govuk-body\">GOV.UK Frontend components with the markup MoJ Frontend's JavaScript enhances.</p>"
        + list(patterns));
  }

  private static String list(List<String> names) {
    StringBuilder list = new StringBuilder("<ul class=\"govuk-list\">");
    for (String name : names) {
      list.append("<li><a class=\"govuk-link\" href=\"/components/").append(name).append("\">")
          .append(name).append("</a></li>");
    }
    return list.append("</ul>").toString();
  }

  private String component(String name) {
    boolean moj = !templates.components().contains(name);
    List<Example> list = examples.get(name);
    String first = render(name, list.get(0));
    boolean pageLevel = PAGE_LANDMARK.matcher(first).find();
    StringBuilder content = new StringBuilder();
    content.append(templates.render("back-link", Map.of("href", "/", "text", "All components")));
    content.append("<h1 class=\"govuk-heading-xl\">").append(name).append("</h1>");
    for (int i = 0; i < list.size(); i++) {
      Example example = list.get(i);
      content.append("<h2 class=\"govuk-heading-m\">").append(escape(example.name())).append("</h2>");
      if (!pageLevel) {
        content.append("<div class=\"govuk-!-margin-bottom-9\">").append(render(name, example)).append("</div>");
      } else if (i == 0) {
        content.append("<p class=\"govuk-body\">This page's ").append(first.startsWith("<footer") ? "footer" : "header")
            .append(" is this example.</p>");
      } else {
        content.append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/components/").append(name).append('/')
            .append(i + 1).append("\">").append(escape(example.name())).append(" as a page's own</a></p>");
      }
    }
    GovukPage.Builder page = page(name, moj).content(content.toString());
    if (pageLevel) {
      page.block(first.startsWith("<footer") ? "footer" : "header", first);
    }
    return templates.renderPage(page.build());
  }

  /** Example number {@code number} (from 1) of a page-level component, as its page's header or footer. */
  private Optional<String> examplePage(String name, String number) {
    List<Example> list = examples.get(name);
    if (!number.matches("[1-9][0-9]{0,3}") || Integer.parseInt(number) > list.size()) {
      return Optional.empty();
    }
    Example example = list.get(Integer.parseInt(number) - 1);
    String html = render(name, example);
    if (!PAGE_LANDMARK.matcher(html).find()) {
      return Optional.empty();
    }
    GovukPage.Builder page = page(name + ": " + example.name(), true)
        .content(templates.render("back-link", Map.of("href", "/components/" + name, "text", name))
            + "<h1 class=\"govuk-heading-xl\">" + escape(name + ": " + example.name()) + "</h1>")
        .block(html.startsWith("<footer") ? "footer" : "header", html);
    return Optional.of(templates.renderPage(page.build()));
  }

  private String render(String name, Example example) {
    String macro = example.macro() == null ? name : example.macro();
    return example.caller() == null
        ? templates.render(macro, example.params())
        : templates.render(macro, example.params(), example.caller());
  }

  private String notFound(String path) {
    return layout("Page not found", false, "<h1 class=\"govuk-heading-xl\">Page not found</h1>"
        + "<p class=\"govuk-body\">There is no page at " + escape(path) + ".</p>"
        + "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">All components</a></p>");
  }

  private String layout(String title, boolean moj, String content) {
    return templates.renderPage(page(title, moj).content(content).build());
  }

  /** The gallery's page template, with MoJ Frontend's assets and icons for MoJ pages. */
  private GovukPage.Builder page(String title, boolean moj) {
    return GovukPage.builder()
        .pageTitle(title + " - STP Kit component gallery")
        .variable("serviceName", "STP Kit component gallery")
        .variable("serviceUrl", "/")
        .block("head", GovukAssets.stylesheetHtml("/assets") + (moj ? MojAssets.stylesheetHtml("/assets") : ""))
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty())
            + (moj ? "\n" + MojAssets.scriptHtml("/assets", Optional.empty()) : ""));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

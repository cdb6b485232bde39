package org.stpkit.cli.internal.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.stpkit.cli.internal.web.PageTemplates;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the documentation site from {@code docs/}: the start page {@code index.md} and the
 * Markdown pages of each section folder named in {@code site.yaml}, each rendered through the GOV.UK
 * page template, with a search page and its index, the site's own CSS and JavaScript, and (for the
 * static site) govuk-frontend's assets. Every problem is collected, none stops the build: the
 * command decides what a problem means (a failed build, or a list at the top of each served page).
 */
public final class DocsSite {
  /** Where the site is going: files on disk, or the local server with govuk assets and reload. */
  public enum Mode { STATIC, SERVED }

  private static final String TEMPLATES = "/org/stpkit/cli/docs/templates";
  private static final String SEARCH_PAGE = "search.html";
  private static final List<String> SITE_ASSETS = List.of("stp-docs.css", "stp-docs-search.js");

  /**
   * The site, built in memory.
   *
   * @param files every file by its path in the site
   * @param problems everything wrong, in page order
   * @param watched the files the site was made from, to rebuild when one changes
   */
  public record Built(Map<String, byte[]> files, List<DocsProblem> problems, Set<Path> watched) {
    /** Replaces {@code folder}'s contents with the site. */
    public void writeTo(Path folder) throws IOException {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> old = Files.walk(folder)) {
          for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
            if (!path.equals(folder)) {
              Files.delete(path);
            }
          }
        }
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = folder.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    }
  }

  private DocsSite() {}

  /**
   * Builds the site.
   *
   * @param docs the {@code docs/} folder; its parent is the repository that samples are included from
   * @param cli the {@code stp} command tree, for the CLI reference
   */
  public static Built build(Path docs, CommandSpec cli, Mode mode, LocalDate today) {
    Path folder = docs.toAbsolutePath().normalize();
    Path repository = Objects.requireNonNull(folder.getParent(), "docs has no parent folder");
    List<DocsProblem> problems = new ArrayList<>();
    SiteConfig config = SiteConfig.read(folder, shown(repository, folder.resolve(SiteConfig.FILE)), problems);
    Schemas schemas = new Schemas(config.schemas());
    for (String name : schemas.names()) {
      if (schemas.document(name).isEmpty()) {
        problems.add(new DocsProblem(shown(repository, folder.resolve(SiteConfig.FILE)), 0, "schema " + name + ": "
            + schemas.resource(name) + " is not on the classpath or is not JSON"));
      }
    }
    PageTemplates templates = new PageTemplates(TEMPLATES);
    CodeSamples samples = new CodeSamples(repository, schemas);
    MarkdownPages markdown = new MarkdownPages(samples, generated(schemas, templates, cli));

    Set<Path> watched = new LinkedHashSet<>(List.of(folder.resolve(SiteConfig.FILE)));
    Map<String, RenderedPage> pages = new LinkedHashMap<>();
    RenderedPage home = read(folder.resolve("index.md"), "index.html", "", repository, markdown, true, problems, watched);
    pages.put(home.path(), home);
    Map<String, List<RenderedPage>> sections = new LinkedHashMap<>();
    for (String section : config.sections()) {
      List<RenderedPage> sectionPages = new ArrayList<>();
      for (Path file : markdownFiles(folder.resolve(section))) {
        String path = section + "/" + file.getFileName().toString().replaceFirst("\\.md$", ".html");
        boolean reviewed = !config.records().contains(section);
        RenderedPage page = read(file, path, section, repository, markdown, reviewed, problems, watched);
        pages.put(path, page);
        sectionPages.add(page);
      }
      if (sectionPages.stream().noneMatch(page -> page.path().equals(section + "/index.html"))) {
        problems.add(new DocsProblem(shown(repository, folder.resolve(section)), 0,
            "a section needs an index.md: its landing page, whose title names the section"));
        continue;
      }
      sectionPages.sort(Comparator.comparing((RenderedPage page) -> !page.isSectionIndex())
          .thenComparingInt(RenderedPage::order).thenComparing(RenderedPage::path));
      sections.put(section, sectionPages);
    }
    strayPages(folder, repository, config, problems);
    watched.addAll(samples.included());
    LinkCheck.check(pages, Set.of(SEARCH_PAGE), problems);

    SiteLayout layout = new SiteLayout(config.title(), home, sections, today);
    Map<String, byte[]> files = files(List.copyOf(pages.values()), layout, templates, mode, problems);
    return new Built(files, List.copyOf(problems), Set.copyOf(watched));
  }

  /** The pages the site makes itself from a {@code stp-schema} or {@code stp-cli} block. */
  private static MarkdownPages.Generated generated(Schemas schemas, PageTemplates templates, CommandSpec cli) {
    return new MarkdownPages.Generated() {
      @Override
      public String schemaReference(String name, String file, int line, List<DocsProblem> found) {
        if (schemas.document(name).isEmpty()) {
          found.add(new DocsProblem(file, line, "stp-schema " + name + ": site.yaml names no such schema, or it is not on the classpath"));
          return "";
        }
        return templates.render("schema-reference.ftlh", Map.of("name", name, "resource", schemas.resource(name),
            "sections", SchemaReference.sections(schemas.document(name).get())));
      }

      @Override
      public String cliReference() {
        return templates.render("cli-reference.ftlh", Map.of("commands", CliReference.commands(cli)));
      }
    };
  }

  /** Every file of the site: its pages, the search page and index, its own assets and (static) govuk's. */
  private static Map<String, byte[]> files(List<RenderedPage> pages, SiteLayout layout, PageTemplates templates,
      Mode mode, List<DocsProblem> problems) {
    boolean served = mode == Mode.SERVED;
    List<DocsProblem> shownProblems = served ? problems : List.of();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (RenderedPage page : pages) {
      files.put(page.path(), utf8(templates.render("page.ftlh", layout.page(page, shownProblems, served))));
    }
    RenderedPage search = new RenderedPage("search", SEARCH_PAGE, "", "Search", Optional.empty(),
        Optional.empty(), Optional.empty(), 0,
        templates.render("search.ftlh", Map.of("groups", layout.allPages(""))), List.of(), Set.of(), List.of(), "");
    files.put(SEARCH_PAGE, utf8(templates.render("page.ftlh", layout.page(search, shownProblems, served))));
    files.put("search-index.js", utf8(layout.searchIndexScript(pages)));
    for (String asset : SITE_ASSETS) {
      files.put("site-assets/" + asset, resource("/org/stpkit/cli/docs/" + asset));
    }
    if (served) {
      files.put("site-assets/stp-docs-reload.js", resource("/org/stpkit/cli/docs/stp-docs-reload.js"));
    } else {
      GovukAssetFiles.all().forEach((path, content) -> files.put("assets/" + path, content));
    }
    return files;
  }

  private static RenderedPage read(Path file, String path, String section, Path repository, MarkdownPages markdown,
      boolean reviewed, List<DocsProblem> problems, Set<Path> watched) {
    watched.add(file);
    String shown = shown(repository, file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new DocsProblem(shown, 0, "cannot be read: " + e.getMessage()));
      text = "# " + path;
    }
    return markdown.render(shown, path, section, text, reviewed, problems);
  }

  private static List<Path> markdownFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /** Markdown under docs/ that no section takes would silently be left out of the site. */
  private static void strayPages(Path folder, Path repository, SiteConfig config, List<DocsProblem> problems) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(file -> file.getFileName().toString().endsWith(".md"))
          .filter(file -> !file.startsWith(folder.resolve("target")) && !file.startsWith(folder.resolve("src")))
          // The start page, and the README that says what the folder is to someone browsing the repository.
          .filter(file -> !file.getParent().equals(folder) || !List.of("index.md", "README.md").contains(file.getFileName().toString()))
          .filter(file -> file.getParent().getParent() == null || !file.getParent().getParent().equals(folder)
              || !config.sections().contains(file.getParent().getFileName().toString()))
          .forEach(file -> problems.add(new DocsProblem(shown(repository, file), 0,
              "not part of the site: pages go in docs/index.md or a section folder that site.yaml lists")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  static String shown(Path repository, Path file) {
    return repository.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) {
    try (InputStream in = DocsSite.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

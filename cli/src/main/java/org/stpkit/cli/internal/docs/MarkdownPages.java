package org.stpkit.cli.internal.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Turns a page's Markdown into the body of a GOV.UK page: govuk-frontend's typography classes on
 * every element, links to {@code .md} files made links to the pages they become, code blocks
 * resolved and checked by {@link CodeSamples}, and {@code stp-schema} / {@code stp-cli} blocks
 * replaced by the reference they generate.
 */
final class MarkdownPages {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
  private static final Pattern H2 = Pattern.compile("<h2[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</h2>", Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
  private static final Pattern TAGS = Pattern.compile("<[^>]+>");

  /** What generated reference blocks expand to. */
  interface Generated {
    /** The reference for the schema named in site.yaml, as HTML; problems when it cannot be made. */
    String schemaReference(String name, String file, int line, List<DocsProblem> problems);

    /** The reference of every {@code stp} command, as HTML. */
    String cliReference();
  }

  private final Parser parser = Parser.builder().extensions(EXTENSIONS)
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
      .attributeProviderFactory(context -> new GovukClasses()).build();
  private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();
  private final CodeSamples samples;
  private final Generated generated;

  MarkdownPages(CodeSamples samples, Generated generated) {
    this.samples = samples;
    this.generated = generated;
  }

  /**
   * Renders one page.
   *
   * @param source the file as problems name it
   * @param path the page's path in the site
   */
  RenderedPage render(String source, String path, String section, String page, boolean needsReview, List<DocsProblem> problems) {
    FrontMatter.Split split = FrontMatter.split(page, source, problems);
    FrontMatter front = split.frontMatter();
    int offset = front.lines();
    Node document = parser.parse(split.text());

    List<Heading> titles = new ArrayList<>();
    List<FencedCodeBlock> blocks = new ArrayList<>();
    List<RenderedPage.PageLink> links = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (heading.getLevel() == 1) {
          titles.add(heading);
        }
        visitChildren(heading);
      }

      @Override
      public void visit(FencedCodeBlock block) {
        blocks.add(block);
      }

      @Override
      public void visit(Link link) {
        links.add(new RenderedPage.PageLink(link.getDestination(), line(link, offset)));
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        links.add(new RenderedPage.PageLink(image.getDestination(), line(image, offset)));
      }
    });

    String title = title(titles, source, offset, problems);
    if (needsReview && !front.reviewDateGiven()) {
      problems.add(new DocsProblem(source, 1, "front matter: last_reviewed is missing: the date someone last checked this page is true"));
    }
    for (FencedCodeBlock block : blocks) {
      expand(block, source, line(block, offset), problems);
    }

    String html = renderer.render(document);
    return new RenderedPage(source, path, section, title, front.description(), front.lastReviewed(), front.reviewDue(),
        front.order(), html, headings(html), ids(html), links, plainText(html));
  }

  /** The page's one level-1 heading as text, taken out of the body (the page template shows it). */
  private String title(List<Heading> titles, String source, int offset, List<DocsProblem> problems) {
    if (titles.isEmpty()) {
      problems.add(new DocsProblem(source, offset + 1, "a page starts with its title as a level-1 heading: # Title"));
      return source;
    }
    String title = text.render(titles.get(0)).strip();
    titles.get(0).unlink();
    for (Heading extra : titles.subList(1, titles.size())) {
      problems.add(new DocsProblem(source, line(extra, offset), "a page has one level-1 heading, its title; make this one ## or lower"));
    }
    return title;
  }

  /** The level-2 headings, for the page's table of contents. */
  private static List<RenderedPage.Heading> headings(String html) {
    List<RenderedPage.Heading> headings = new ArrayList<>();
    Matcher h2 = H2.matcher(html);
    while (h2.find()) {
      headings.add(new RenderedPage.Heading(h2.group(1), unescape(TAGS.matcher(h2.group(2)).replaceAll("")).strip()));
    }
    return headings;
  }

  /** Every id on the page, the anchors links may name. */
  private static Set<String> ids(String html) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher id = ID.matcher(html);
    while (id.find()) {
      ids.add(id.group(1));
    }
    return ids;
  }

  private void expand(FencedCodeBlock block, String source, int line, List<DocsProblem> problems) {
    CodeSamples.Info info = CodeSamples.Info.parse(block.getInfo() == null ? "" : block.getInfo());
    switch (info.language()) {
      case "stp-schema" -> {
        String name = info.attributes().keySet().stream().findFirst().orElse("");
        replace(block, generated.schemaReference(name, source, line, problems));
      }
      case "stp-cli" -> replace(block, generated.cliReference());
      default -> {
        block.setLiteral(samples.process(source, line, info, block.getLiteral(), problems));
        // The attributes have done their work; the rendered block names only its language.
        block.setInfo(info.language());
      }
    }
  }

  private static void replace(FencedCodeBlock block, String html) {
    HtmlBlock generatedBlock = new HtmlBlock();
    generatedBlock.setLiteral(html);
    block.insertAfter(generatedBlock);
    block.unlink();
  }

  private static int line(Node node, int offset) {
    return node.getSourceSpans().isEmpty() ? offset + 1 : node.getSourceSpans().get(0).getLineIndex() + 1 + offset;
  }

  /**
   * The page as its readers see it, for the search index: the rendered HTML without its tags, so
   * that generated references are searched as well and link targets are not.
   */
  private static String plainText(String html) {
    return unescape(TAGS.matcher(html).replaceAll(" ")).replaceAll("\\s+", " ").strip();
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** A link to another page's Markdown becomes a link to that page. */
  static String pageLink(String destination) {
    if (destination.contains("://") || destination.startsWith("mailto:") || destination.startsWith("#")) {
      return destination;
    }
    int hash = destination.indexOf('#');
    String file = hash < 0 ? destination : destination.substring(0, hash);
    String anchor = hash < 0 ? "" : destination.substring(hash);
    if (file.endsWith(".md")) {
      return file.substring(0, file.length() - 3) + ".html" + anchor;
    }
    if (file.endsWith("/")) {
      return file + "index.html" + anchor;
    }
    return destination;
  }

  /** govuk-frontend's classes for what Markdown makes, so that pages look like GOV.UK's own guidance. */
  private static final class GovukClasses implements AttributeProvider {
    private static final Map<Integer, String> HEADINGS = Map.of(
        1, "govuk-heading-xl", 2, "govuk-heading-l", 3, "govuk-heading-m", 4, "govuk-heading-s", 5, "govuk-heading-s", 6, "govuk-heading-s");

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Heading heading) {
        attributes.put("class", HEADINGS.get(heading.getLevel()));
      } else if (node instanceof Paragraph) {
        attributes.put("class", "govuk-body");
      } else if (node instanceof BulletList) {
        attributes.put("class", "govuk-list govuk-list--bullet");
      } else if (node instanceof OrderedList) {
        attributes.put("class", "govuk-list govuk-list--number");
      } else if (node instanceof Link link) {
        attributes.put("class", "govuk-link");
        attributes.put("href", pageLink(link.getDestination()));
      } else if (node instanceof BlockQuote) {
        attributes.put("class", "govuk-inset-text");
      } else if (node instanceof ThematicBreak) {
        attributes.put("class", "govuk-section-break govuk-section-break--l govuk-section-break--visible");
      } else if (node instanceof TableBlock) {
        attributes.put("class", "govuk-table");
      } else if (node instanceof TableHead) {
        attributes.put("class", "govuk-table__head");
      } else if (node instanceof TableBody) {
        attributes.put("class", "govuk-table__body");
      } else if (node instanceof TableRow) {
        attributes.put("class", "govuk-table__row");
      } else if (node instanceof TableCell cell) {
        attributes.put("class", cell.isHeader() ? "govuk-table__header" : "govuk-table__cell");
        attributes.remove("align");
      } else if (node instanceof Code) {
        attributes.put("class", "app-code--inline");
      } else if ((node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) && tagName.equals("pre")) {
        // A long line scrolls: the block must take keyboard focus so that it can be scrolled without a mouse.
        attributes.put("class", "app-code");
        attributes.put("tabindex", "0");
      }
    }
  }
}

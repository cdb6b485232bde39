package org.stpkit.cli.internal.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.LocatedNode.Kind;
import org.stpkit.definition.Problem;

/**
 * {@code docs/site.yaml}: the site's title, its sections (folders of {@code docs/}) in the order the
 * navigation shows them, and the JSON Schemas that samples and reference pages name.
 *
 * @param records sections of dated records (decisions), whose pages are not reviewed and need no
 *     {@code last_reviewed}
 * @param schemas name (as a sample's {@code schema=} or a page's {@code stp-schema} gives it) to the
 *     schema's classpath resource, in the jar of the module that owns the format
 */
record SiteConfig(String title, List<String> sections, List<String> records, Map<String, String> schemas) {
  static final String FILE = "site.yaml";

  static SiteConfig read(Path docs, String shownAs, List<DocsProblem> problems) {
    LocatedDocument document = LocatedDocument.read(docs.resolve(FILE));
    for (Problem problem : document.problems()) {
      problems.add(new DocsProblem(shownAs, problem.line(), problem.message()));
    }
    List<String> sections = new ArrayList<>();
    List<String> records = new ArrayList<>();
    Map<String, String> schemas = new LinkedHashMap<>();
    String title = "Documentation";
    if (document.root().isEmpty()) {
      return new SiteConfig(title, sections, records, schemas);
    }
    LocatedNode root = document.root().get();
    if (!root.is(Kind.MAPPING)) {
      problems.add(new DocsProblem(shownAs, root.line(), "expected title, sections and schemas"));
      return new SiteConfig(title, sections, records, schemas);
    }
    for (String key : root.entries().keySet()) {
      if (!List.of("title", "sections", "records", "schemas").contains(key)) {
        problems.add(new DocsProblem(shownAs, root.keyNode(key).line(), "unknown key '" + key + "'; expected title, sections, records, schemas"));
      }
    }
    title = root.get("title").filter(node -> node.is(Kind.TEXT)).map(LocatedNode::text).orElse(title);
    root.get("sections").ifPresent(node -> node.items().forEach(item -> sections.add(item.text())));
    root.get("records").ifPresent(node -> node.items().forEach(item -> records.add(item.text())));
    root.get("schemas").ifPresent(node -> node.entries().forEach((name, value) -> schemas.put(name, value.text())));
    if (sections.isEmpty()) {
      problems.add(new DocsProblem(shownAs, root.line(), "sections: give the site's sections, the folders of docs/ in navigation order"));
    }
    return new SiteConfig(title, sections, records, schemas);
  }
}

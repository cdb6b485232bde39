package org.stpkit.cli.internal.docs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.Problem;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The code blocks of the site's pages, kept true by the build:
 *
 * <ul>
 *   <li>{@code include=path tag=name} fills a block from a tagged region ({@code tag::name[]} ...
 *       {@code end::name[]}) of a file in the repository, as Hibernate Validator's guide does: the
 *       sample is the code that compiles and runs, never a copy of it;
 *   <li>every Java sample is included from a test ({@code src/test/java/...Test.java} or
 *       {@code IT.java}), so that it is compiled and run by the build;
 *   <li>every YAML and JSON sample names its format ({@code schema=form-definition}) and is checked
 *       against that format's JSON Schema;
 *   <li>every XML sample is well-formed.
 * </ul>
 */
final class CodeSamples {
  private static final Pattern MARKER = Pattern.compile("(tag|end)::([A-Za-z0-9_.-]+)\\[\\]");
  private static final Pattern TESTED_JAVA = Pattern.compile("(.*/)?src/test/java/.+(Test|IT)\\.java");
  private static final Set<String> ATTRIBUTES = Set.of("include", "tag", "schema");

  private final Path repository;
  private final Schemas schemas;
  private final Set<Path> included = new LinkedHashSet<>();

  CodeSamples(Path repository, Schemas schemas) {
    this.repository = repository.toAbsolutePath().normalize();
    this.schemas = schemas;
  }

  /** Every file a block included, so that a server can rebuild when one changes. */
  Set<Path> included() {
    return Set.copyOf(included);
  }

  /** A fenced block's info string: its language, then {@code key=value} attributes. */
  record Info(String language, Map<String, String> attributes) {
    static Info parse(String info) {
      String[] tokens = info.strip().split("\\s+");
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 1; i < tokens.length; i++) {
        int equals = tokens[i].indexOf('=');
        attributes.put(equals < 0 ? tokens[i] : tokens[i].substring(0, equals), equals < 0 ? "" : tokens[i].substring(equals + 1));
      }
      return new Info(tokens.length == 0 ? "" : tokens[0], attributes);
    }
  }

  /**
   * Resolves and checks one block; returns the text to show.
   *
   * @param line the line of the block's opening fence in {@code file}
   */
  String process(String file, int line, Info info, String literal, List<DocsProblem> problems) {
    for (String attribute : info.attributes().keySet()) {
      if (!ATTRIBUTES.contains(attribute)) {
        problems.add(new DocsProblem(file, line, "unknown code block attribute '" + attribute + "'; expected include, tag or schema"));
      }
    }
    String language = info.language();
    String include = info.attributes().get("include");
    String text = literal;
    String origin = file;
    int firstLine = line + 1;
    if (include != null) {
      if (!literal.isBlank()) {
        problems.add(new DocsProblem(file, line, "a block that includes a file is left empty: its text comes from " + include));
      }
      Included region = include(file, line, include, info.attributes().get("tag"), problems);
      text = region.text();
      origin = include;
      firstLine = region.firstLine();
    } else if (info.attributes().containsKey("tag")) {
      problems.add(new DocsProblem(file, line, "tag= needs include=: the file the tagged region is in"));
    }
    switch (language) {
      case "java" -> {
        if (include == null) {
          problems.add(new DocsProblem(file, line, "a Java sample is included from a test that the build compiles and runs "
              + "(```java include=<path of a *Test.java or *IT.java> tag=<region>), never written in the page"));
        } else if (!TESTED_JAVA.matcher(include).matches()) {
          problems.add(new DocsProblem(file, line, "Java samples come from tests (src/test/java/...Test.java or ...IT.java), "
              + "so that the build runs them; " + include + " is not one"));
        }
      }
      case "yaml", "yml", "json" -> checkAgainstSchema(file, line, info, text, origin, firstLine, problems);
      case "xml" -> checkXml(file, line, text, problems);
      default -> {
        if (info.attributes().containsKey("schema")) {
          problems.add(new DocsProblem(file, line, "schema= is for yaml and json samples, not " + (language.isEmpty() ? "a block without a language" : language)));
        }
      }
    }
    return text;
  }

  private record Included(String text, int firstLine) {}

  private Included include(String file, int line, String include, String tag, List<DocsProblem> problems) {
    Path path = repository.resolve(include).normalize();
    if (!path.startsWith(repository)) {
      problems.add(new DocsProblem(file, line, "include=" + include + " is outside the repository"));
      return new Included("", 1);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      included.add(path);
    } catch (IOException e) {
      problems.add(new DocsProblem(file, line, "include=" + include + ": no such file in the repository"));
      return new Included("", 1);
    }
    if (tag == null || tag.isEmpty()) {
      return new Included(join(withoutMarkers(lines)), 1);
    }
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      Matcher matcher = MARKER.matcher(lines.get(i));
      while (matcher.find()) {
        if (matcher.group(2).equals(tag)) {
          if (matcher.group(1).equals("tag")) {
            if (start >= 0) {
              problems.add(new DocsProblem(file, line, include + ":" + (i + 1) + ": the region " + tag + " starts twice"));
            }
            start = i;
          } else if (end < 0) {
            end = i;
          }
        }
      }
    }
    if (start < 0) {
      problems.add(new DocsProblem(file, line, include + " has no region tag::" + tag + "[]"));
      return new Included("", 1);
    }
    if (end < start) {
      problems.add(new DocsProblem(file, line, include + ":" + (start + 1) + ": the region " + tag + " has no end::" + tag + "[] after it"));
      return new Included("", 1);
    }
    List<String> region = withoutMarkers(lines.subList(start + 1, end));
    if (region.stream().allMatch(String::isBlank)) {
      problems.add(new DocsProblem(file, line, include + ":" + (start + 1) + ": the region " + tag + " is empty"));
    }
    return new Included(join(dedent(region)), start + 2);
  }

  private static List<String> withoutMarkers(List<String> lines) {
    return lines.stream().filter(text -> !MARKER.matcher(text).find()).toList();
  }

  /** Removes the indentation the region's lines share, so that a method body reads from the margin. */
  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(text -> !text.isBlank())
        .mapToInt(text -> text.length() - text.stripLeading().length()).min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String text : lines) {
      out.add(text.isBlank() ? "" : text.substring(indent));
    }
    return out;
  }

  private static String join(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private void checkAgainstSchema(String file, int line, Info info, String text, String origin, int firstLine,
      List<DocsProblem> problems) {
    String schema = info.attributes().get("schema");
    if (schema == null || schema.isEmpty()) {
      problems.add(new DocsProblem(file, line, "a " + info.language() + " sample names the format it is in, to be checked "
          + "against its schema: schema=" + String.join("|", schemas.names())));
      return;
    }
    if (!schemas.has(schema)) {
      problems.add(new DocsProblem(file, line, "unknown schema '" + schema + "'; site.yaml names " + String.join(", ", schemas.names())));
      return;
    }
    if (schemas.document(schema).isEmpty()) {
      problems.add(new DocsProblem(file, line, "the schema " + schema + " (" + schemas.resource(schema) + ") is not on the classpath or is not JSON"));
      return;
    }
    LocatedDocument document = LocatedDocument.parse(text, origin);
    String where = origin.equals(file) ? "" : origin + ":";
    for (Problem problem : document.problems()) {
      problems.add(at(file, line, where, firstLine, problem.line(), problem.message()));
    }
    if (document.root().isPresent()) {
      for (Schemas.Finding finding : schemas.validate(schema, document.root().get())) {
        problems.add(at(file, line, where, firstLine, finding.line(), "not a valid " + schema + ": " + finding.message()));
      }
    }
  }

  /** A problem on a line of a sample: the page's line when the sample is written there, else the included file's. */
  private static DocsProblem at(String file, int blockLine, String includedFrom, int firstLine, int sampleLine, String message) {
    int lineInFile = firstLine + Math.max(sampleLine, 1) - 1;
    return includedFrom.isEmpty()
        ? new DocsProblem(file, lineInFile, message)
        : new DocsProblem(file, blockLine, includedFrom + lineInFile + ": " + message);
  }

  private static void checkXml(String file, int line, String text, List<DocsProblem> problems) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var builder = factory.newDocumentBuilder();
      // Errors become the problem below; the default handler would also print them to standard error.
      builder.setErrorHandler(new DefaultHandler());
      // A sample is often a fragment (a few dependencies): it is well-formed inside one element.
      builder.parse(new InputSource(new StringReader("<sample>" + text.replaceFirst("^<\\?xml[^>]*\\?>", "") + "</sample>")));
    } catch (SAXException e) {
      problems.add(new DocsProblem(file, line, "the XML sample is not well-formed: " + e.getMessage()));
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("The JDK's XML parser cannot be set up", e);
    }
  }
}

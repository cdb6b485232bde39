package org.stpkit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A format's published JSON Schema and the samples of that format the repository holds (READMEs,
 * the docs, sample files, test resources), so that a module's test can show every sample is valid:
 *
 * <pre>{@code
 * SchemaSamples schema = SchemaSamples.load("/org/stpkit/notify/milestone-catalogue.schema.json");
 * for (SchemaSamples.Sample sample : SchemaSamples.markdownBlocks(readme, "yaml", text -> text.contains("milestones:"))) {
 *   assertThat(schema.problems(sample)).as(sample.source()).isEmpty();
 * }
 * }</pre>
 */
public final class SchemaSamples {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern FENCE = Pattern.compile("(?m)^```([^\\n]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);

  /** One sample: where it is, the info string of its code block (empty for a file), and its text. */
  public record Sample(String source, String info, String text) {}

  private final JsonSchema schema;

  private SchemaSamples(JsonSchema schema) {
    this.schema = schema;
  }

  /**
   * The schema at this classpath resource (as the module's jar publishes it); with
   * {@code #/$defs/name} after it, that definition of the schema.
   */
  public static SchemaSamples load(String resource) {
    int hash = resource.indexOf('#');
    String file = hash < 0 ? resource : resource.substring(0, hash);
    try (InputStream in = SchemaSamples.class.getResourceAsStream(file)) {
      Objects.requireNonNull(in, "no schema on the classpath at " + file);
      JsonNode schema = YAML.readTree(in);
      if (hash >= 0) {
        // The definition keeps the others it refers to.
        com.fasterxml.jackson.databind.node.ObjectNode definition = YAML.createObjectNode();
        definition.set("$schema", schema.get("$schema"));
        definition.set("$defs", schema.get("$defs"));
        definition.put("$ref", resource.substring(hash));
        schema = definition;
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
      return new SchemaSamples(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema finds wrong with a sample, each as {@code /pointer: message}; empty when it is valid. */
  public List<String> problems(Sample sample) {
    JsonNode document;
    try {
      document = YAML.readTree(sample.text());
    } catch (IOException e) {
      return List.of("not YAML or JSON: " + e.getMessage());
    }
    return problems(document);
  }

  /** What the schema finds wrong with a document already read. */
  public List<String> problems(JsonNode document) {
    List<String> problems = new ArrayList<>();
    for (ValidationMessage message : schema.validate(document)) {
      problems.add(message.getMessage());
    }
    return problems;
  }

  /** The repository's root: the nearest folder above the working directory with a docs/ and a pom.xml. */
  public static Path repository() {
    Path folder = Path.of("").toAbsolutePath();
    while (folder != null && !(Files.isRegularFile(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("docs"))
        && Files.isRegularFile(folder.resolve("README.md")))) {
      folder = folder.getParent();
    }
    return Objects.requireNonNull(folder, "no repository root above " + Path.of("").toAbsolutePath());
  }

  /**
   * The fenced code blocks of a Markdown file whose info string starts with {@code language} and
   * whose text {@code accept}s (a README's YAML blocks are of several formats).
   */
  public static List<Sample> markdownBlocks(Path markdown, String language, Predicate<String> accept) {
    String text;
    try {
      text = Files.readString(markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Sample> samples = new ArrayList<>();
    Matcher block = FENCE.matcher(text);
    while (block.find()) {
      String info = block.group(1).strip();
      if ((info.equals(language) || info.startsWith(language + " ")) && accept.test(block.group(2))) {
        int line = (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 1;
        samples.add(new Sample(markdown + ":" + line, info, block.group(2)));
      }
    }
    return samples;
  }

  /**
   * The samples of this format written in the pages under {@code docs/}: blocks that name it
   * ({@code ```yaml schema=<name>}). Blocks that include a file are left to the file's own check.
   */
  public static List<Sample> docsBlocks(Path repository, String schemaName) {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> pages = Files.walk(repository.resolve("docs"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).sorted().toList()) {
        for (String language : List.of("yaml", "json")) {
          for (Sample sample : markdownBlocks(page, language, text -> true)) {
            List<String> info = List.of(sample.info().split("\\s+"));
            if (info.contains("schema=" + schemaName) && info.stream().noneMatch(word -> word.startsWith("include="))) {
              samples.add(sample);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }

  /** Every file under {@code folder} whose name matches. */
  public static List<Sample> files(Path folder, Predicate<String> name) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).filter(file -> name.test(file.getFileName().toString())).sorted()
          .map(file -> {
            try {
              return new Sample(file.toString(), "", Files.readString(file));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stpkit.testsupport.SchemaSamples;
import org.stpkit.testsupport.SchemaSamples.Sample;

/**
 * The published JSON Schemas of the access policy ({@code access-policy.schema.json}) and the HR
 * feed ({@code hr-feed.schema.json}) against every policy and good feed in the repository, and
 * against mistakes the readers refuse.
 */
class PublishedSchemasTest {
  private static final SchemaSamples POLICY = SchemaSamples.load("/org/stpkit/idam/access-policy.schema.json");
  private static final SchemaSamples FEED = SchemaSamples.load("/org/stpkit/idam/hr-feed.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Sample> policies() throws IOException {
    Path repository = SchemaSamples.repository();
    List<Sample> samples = new ArrayList<>();
    samples.addAll(SchemaSamples.markdownBlocks(repository.resolve("idam-client/README.md"), "yaml", text -> text.contains("rules:")));
    samples.addAll(SchemaSamples.files(repository.resolve("idam-client/src/test/resources/policy"), name -> name.endsWith(".yaml")));
    samples.addAll(SchemaSamples.docsBlocks(repository, "access-policy"));
    samples.add(javadocExample(repository.resolve("idam-client/src/main/java/org/stpkit/idam/internal/PolicyLoader.java")));
    return samples;
  }

  /** The format as PolicyLoader's javadoc shows it, every key with a comment. */
  private static Sample javadocExample(Path source) throws IOException {
    Matcher code = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL).matcher(Files.readString(source));
    assertThat(code.find()).as("PolicyLoader's javadoc shows the format").isTrue();
    return new Sample(source + " (javadoc)", "", code.group(1).replaceAll("(?m)^ \\* ?", ""));
  }

  @Test
  void theRepositoryHoldsPoliciesToCheck() throws IOException {
    assertThat(policies()).extracting(Sample::source)
        .anyMatch(source -> source.contains("README.md:"))
        .anyMatch(source -> source.endsWith("caseworking.yaml"))
        .anyMatch(source -> source.endsWith("(javadoc)"));
  }

  @ParameterizedTest
  @MethodSource("policies")
  void everyPolicyInTheRepositoryFitsTheSchemaAndLoads(Sample sample) {
    assertThat(POLICY.problems(sample)).as(sample.source()).isEmpty();
    assertThat(AccessPolicy.parse(sample.text(), sample.source())).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "rules:\n  - {name: Everyone}\n",
    "rules:\n  - {name: A, groups: [staff]}\n",
    "rules:\n  - {name: A, when: {grade: G7}, groups: [/staff]}\n",
    "rules:\n  - {name: A, when: {title: {startsWith: Case, matches: x}}, groups: [/staff]}\n",
    "rules: []\njoiners: {preHires: later}\n",
    "rules: []\nleavers: {deleteAfter: 90 days}\n",
    "rules: []\nthresholds: {leavers: {percent: 120}}\n",
    "rules: []\nusername: \"{given}.{familyName}\"\n",
    "rule: []\n"
  })
  void refusesWhatThePolicyReaderRefuses(String yaml) {
    assertThat(POLICY.problems(new Sample("mistake", "", yaml))).as(yaml).isNotEmpty();
    assertThatThrownBy(() -> AccessPolicy.parse(yaml, "mistake.yaml")).isInstanceOf(InvalidPolicyException.class);
  }

  @Test
  void theGoodScimFeedsFitTheSchema() {
    Path repository = SchemaSamples.repository();
    List<Sample> feeds = new ArrayList<>(SchemaSamples.files(repository.resolve("idam-client/src/test/resources/hr"),
        name -> name.endsWith(".json") && !name.contains("bad")));
    feeds.addAll(SchemaSamples.docsBlocks(repository, "hr-feed"));
    assertThat(feeds).isNotEmpty();
    for (Sample feed : feeds) {
      assertThat(FEED.problems(feed)).as(feed.source()).isEmpty();
      assertThat(HrFeed.readJson(new java.io.StringReader(feed.text()), feed.source()).problems()).as(feed.source()).isEmpty();
    }
  }

  @Test
  void everyRowOfTheGoodCsvFeedsFitsTheSchemasCsvRow() throws IOException {
    Path repository = SchemaSamples.repository();
    SchemaSamples row = SchemaSamples.load("/org/stpkit/idam/hr-feed.schema.json#/$defs/csvRow");
    for (Sample feed : SchemaSamples.files(repository.resolve("idam-client/src/test/resources/hr"),
        name -> name.endsWith(".csv") && !name.contains("bad"))) {
      List<String> lines = feed.text().lines().toList();
      String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
      for (int i = 1; i < lines.size(); i++) {
        assertThat(row.problems(csvRow(header, lines.get(i)))).as(feed.source() + ":" + (i + 1)).isEmpty();
      }
    }
  }

  @Test
  void theCsvColumnsAreTheRecordsAttributesAndActive() throws IOException {
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream("/org/stpkit/idam/hr-feed.schema.json")) {
      schema = JSON.readTree(in);
    }
    Set<String> columns = new LinkedHashSet<>();
    schema.path("$defs").path("csvRow").path("properties").fieldNames().forEachRemaining(columns::add);
    Set<String> expected = new LinkedHashSet<>(StaffRecord.ATTRIBUTES);
    expected.add("active");
    assertThat(columns).containsExactlyElementsOf(expected);
  }

  @Test
  void refusesRowsTheFeedLeavesOut() {
    SchemaSamples row = SchemaSamples.load("/org/stpkit/idam/hr-feed.schema.json#/$defs/csvRow");
    String[] header = {"employeeNumber", "givenName", "familyName", "startDate", "active"};
    assertThat(row.problems(csvRow(header, "E 1,Ada,Lovelace,2020-01-06,true"))).isNotEmpty();
    assertThat(row.problems(csvRow(header, "E1,Ada,Lovelace,06/01/2020,true"))).isNotEmpty();
    assertThat(row.problems(csvRow(header, "E1,Ada,Lovelace,2020-01-06,maybe"))).isNotEmpty();
    assertThat(row.problems(csvRow(header, "E1,Ada,Lovelace,2020-01-06,N"))).isEmpty();
  }

  /** A row of a simple CSV (no quoted commas) as the object whose keys are the header's names. */
  private static JsonNode csvRow(String[] header, String line) {
    ObjectNode row = JSON.createObjectNode();
    List<String> values = splitCsv(line);
    for (int i = 0; i < header.length; i++) {
      row.put(header[i], i < values.size() ? values.get(i) : "");
    }
    return row;
  }

  /** Splits a CSV line, honouring quotes and doubled quotes within them; enough for the test feeds. */
  private static List<String> splitCsv(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        value.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString());
    return values;
  }
}

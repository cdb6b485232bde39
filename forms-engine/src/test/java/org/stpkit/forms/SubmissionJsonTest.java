package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.SchemaSamples;

/** The submission's versioned JSON shape: every answer type, and the published schema agrees. */
class SubmissionJsonTest {
  private static final SchemaSamples SCHEMA = SchemaSamples.load("/org/stpkit/forms/submission.schema.json");
  /** Numbers read back exactly as written ({@code 12.50}, not {@code 12.5}). */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  @Test
  void writesEveryAnswerTypeOfTheSampleJourneyAsTheSchemaSays() throws Exception {
    List<Submission> sent = new CopyOnWriteArrayList<>();
    FormEngine engine = FormEngine.builder(FormDefinitions.load(Path.of("samples/every-question-type.yaml")))
        .submissionHandler(sent::add).build();
    JourneyDriver browser = new JourneyDriver(engine, "");
    new SampleJourney(browser, "").answerEveryPage();
    browser.post("/check-answers");

    JsonNode json = JSON.readTree(SubmissionJson.write(sent.get(0)));
    assertThat(SCHEMA.problems(json)).isEmpty();
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("form").toString()).isEqualTo("{\"id\":\"every-question-type\",\"version\":1}");
    assertThat(json.get("reference").asText()).isEqualTo(sent.get(0).reference());
    assertThat(Instant.parse(json.get("submittedAt").asText())).isEqualTo(sent.get(0).submittedAt());
    assertThat(json.get("route").get(0).asText()).isEqualTo("/full-name");
    assertThat(json.get("answers").toString()).isEqualTo("{\"fullName\":{\"givenName\":\"Jo\",\"familyName\":\"Bloggs\"},"
        + "\"dateOfBirth\":\"1990-03-27\",\"age\":35,\"email\":\"jo@example.com\","
        + "\"address\":{\"line1\":\"1 High Street\",\"town\":\"London\",\"postcode\":\"SW1A 1AA\"},"
        + "\"country\":\"england\",\"postcode\":\"SW1A 1AA\",\"niNumber\":\"JH 12 34 56 C\",\"hasLicence\":false,"
        + "\"help\":[\"access\"],\"helpDetails\":\"A ramp to the river, please\",\"donation\":12.50,"
        + "\"licenceName\":\"Jo Bloggs\"}");
  }

  @Test
  void writesARepeatingSectionAsAnArrayOfItemsAsTheSchemaSays() throws Exception {
    Submission submission = new Submission("children", 1, "CH-2345-6789",
        Map.of("children", List.of(
            Map.of("childName", new PersonName("Ada", "Lee"), "childDateOfBirth", LocalDate.of(2015, 5, 1)),
            Map.of("childName", new PersonName("Bo", "Lee"), "school", "Hill Primary"))),
        List.of("/children/1/name", "/children"), Instant.parse("2026-12-06T10:00:00Z"), Optional.empty());

    JsonNode json = JSON.readTree(SubmissionJson.write(submission));

    assertThat(SCHEMA.problems(json)).isEmpty();
    // Compared as trees: an item's answers are a map, whose order says nothing.
    assertThat(json.get("answers")).isEqualTo(JSON.readTree("{\"children\":["
        + "{\"childName\":{\"givenName\":\"Ada\",\"familyName\":\"Lee\"},\"childDateOfBirth\":\"2015-05-01\"},"
        + "{\"childName\":{\"givenName\":\"Bo\",\"familyName\":\"Lee\"},\"school\":\"Hill Primary\"}]}"));
  }

  @Test
  void keepsAnAddressesOptionalLinesAndExactNumbers() {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("address", new Address("Flat 2", Optional.of("1 High Street"), "Leeds", Optional.of("West Yorkshire"),
        "LS1 1AA"));
    answers.put("amount", new BigDecimal("0.10"));
    answers.put("when", LocalDate.of(2026, 1, 2));
    Submission submission = new Submission("f", 2, "R-1", answers, List.of("/a"), Instant.parse("2026-01-02T03:04:05Z"),
        Optional.empty());

    assertThat(SubmissionJson.write(submission)).isEqualTo("{\"schemaVersion\":1,\"form\":{\"id\":\"f\",\"version\":2},"
        + "\"reference\":\"R-1\",\"submittedAt\":\"2026-01-02T03:04:05Z\",\"route\":[\"/a\"],\"answers\":{"
        + "\"address\":{\"line1\":\"Flat 2\",\"line2\":\"1 High Street\",\"town\":\"Leeds\",\"county\":\"West Yorkshire\","
        + "\"postcode\":\"LS1 1AA\"},\"amount\":0.10,\"when\":\"2026-01-02\"}}");
  }

  @Test
  void namesTheQuestionWhoseAnswerHasNoJsonForm() {
    Submission submission = new Submission("f", 1, "R-1", Map.of("odd", new Object()), List.of(), Instant.EPOCH,
        Optional.empty());
    assertThatThrownBy(() -> SubmissionJson.write(submission)).isInstanceOf(FormsException.class)
        .hasMessageContaining("'odd'");
  }

  @Test
  void theSchemaRefusesWhatTheShapeNeverHas() throws Exception {
    JsonNode missingReference = JSON.readTree("{\"schemaVersion\":1,\"form\":{\"id\":\"f\",\"version\":1},"
        + "\"submittedAt\":\"2026-01-02T03:04:05Z\",\"route\":[],\"answers\":{\"x\":{\"nested\":{}}}}");
    assertThat(SCHEMA.problems(missingReference)).hasSizeGreaterThanOrEqualTo(2)
        .anySatisfy(problem -> assertThat(problem).contains("reference"))
        .anySatisfy(problem -> assertThat(problem).startsWith("/answers/x:"));
  }
}

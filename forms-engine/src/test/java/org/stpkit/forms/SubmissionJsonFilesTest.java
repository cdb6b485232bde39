package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.UploadedFile;
import org.stpkit.testsupport.SchemaSamples;

/** File answers in the submission's JSON: an array of files, each with its content inline, as the schema says. */
class SubmissionJsonFilesTest {
  private static final SchemaSamples SCHEMA = SchemaSamples.load("/org/stpkit/forms/submission.schema.json");
  private static final String SHA = "a".repeat(64);

  @Test
  void aFileQuestionIsAnArrayOfFilesWithTheirContentInBase64() throws Exception {
    UploadedFile report = new UploadedFile("f1", "report.pdf", "application/pdf", 5, SHA);
    UploadedFile photo = new UploadedFile("f2", "river.png", "image/png", 3, SHA);
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("evidence", List.of(report, photo));
    answers.put("visits", List.of(Map.of("visitPhoto", List.of(photo))));
    Submission submission = new Submission("report", 1, "PI-2345-6789", answers, List.of("/evidence"),
        Instant.parse("2026-12-06T10:00:00Z"), Optional.empty(),
        Map.of("f1", "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "f2", new byte[] {1, 2, 3}));

    JsonNode json = new ObjectMapper().readTree(SubmissionJson.write(submission));
    assertThat(SCHEMA.problems(json)).isEmpty();
    assertThat(json.get("answers").get("evidence").toString()).isEqualTo("[{\"id\":\"f1\",\"name\":\"report.pdf\","
        + "\"contentType\":\"application/pdf\",\"size\":5,\"sha256\":\"" + SHA + "\",\"content\":\"JVBERi0=\"},"
        + "{\"id\":\"f2\",\"name\":\"river.png\",\"contentType\":\"image/png\",\"size\":3,\"sha256\":\"" + SHA
        + "\",\"content\":\"AQID\"}]");
    assertThat(json.get("answers").get("visits").get(0).get("visitPhoto").get(0).get("content").asText())
        .as("in a repeating section's item too").isEqualTo(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
  }

  @Test
  void theSchemaRefusesAFileWithoutItsDigest() throws Exception {
    JsonNode broken = new ObjectMapper().readTree("{\"schemaVersion\":1,\"form\":{\"id\":\"report\",\"version\":1},"
        + "\"reference\":\"R\",\"submittedAt\":\"2026-12-06T10:00:00Z\",\"route\":[],"
        + "\"answers\":{\"evidence\":[{\"id\":\"f1\",\"name\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":5,"
        + "\"sha256\":\"not-a-digest\",\"extra\":{\"nested\":{}}}]}}");
    assertThat(SCHEMA.problems(broken)).isNotEmpty();
  }
}

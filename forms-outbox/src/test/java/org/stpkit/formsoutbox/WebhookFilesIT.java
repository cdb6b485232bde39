package org.stpkit.formsoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.UploadedFile;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * Uploaded files go through the outbox inline: recorded with the submission in the forms database (the
 * engine removes its own copies once it is sent), and carried in the signed webhook's JSON, Base64.
 */
class WebhookFilesIT {
  private static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));

  private final SigningKeys keys = SigningKeys.generate();
  private PostgresDatabase postgres;
  private KeyServer keyServer;

  @BeforeEach
  void start() throws Exception {
    postgres = PostgresDatabase.create("forms_webhook_files");
    keyServer = new KeyServer(keys);
  }

  @AfterEach
  void stop() throws Exception {
    keyServer.close();
    postgres.close();
  }

  @Test
  void theWebhookCarriesEachFileInlineWithItsDigest() throws Exception {
    byte[] content = new byte[1024 * 1024];
    new Random(7).nextBytes(content);
    content[0] = '%';
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    UploadedFile file = new UploadedFile("k3Jx9QmL0pYw2v8Tz5Rb1nHc", "permit.pdf", "application/pdf", content.length, sha256);
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("name", "Jo");
    answers.put("permit", List.of(file));
    Submission submission = new Submission("fishing-licence", 2, "FL-FILE-0001", answers, List.of("/name", "/permit"),
        Instant.now().truncatedTo(ChronoUnit.MILLIS), Optional.empty(), Map.of(file.id(), content));

    try (TestReceiver receiver = new TestReceiver(0, keyServer.jwkSetUrl()); FormsOutbox outbox = outbox(receiver.url())) {
      outbox.forForm(FORM).record("journey-with-a-file", submission);
      Eventually.within(Duration.ofSeconds(60), "delivered",
          () -> outbox.operations().counts().count(DeliveryStatus.DELIVERED) == 1);
      assertThat(receiver.requests).singleElement().satisfies(request -> {
        assertThat(request.verified()).isTrue();
        JsonNode permit = new ObjectMapper().readTree(request.payload()).get("answers").get("permit").get(0);
        assertThat(permit.get("name").asText()).isEqualTo("permit.pdf");
        assertThat(permit.get("sha256").asText()).isEqualTo(sha256);
        byte[] received = Base64.getDecoder().decode(permit.get("content").asText());
        assertThat(received).isEqualTo(content);
      });
    }
  }

  private FormsOutbox outbox(URI receiver) {
    return FormsOutbox.builder(FormsDatabase.on(postgres.dataSource()))
        .form("fishing-licence", form -> form.output("case-system", WebhookOutput.to(receiver, keys)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).build()))
        .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
        .heartbeat(Duration.ofSeconds(1))
        .build();
  }
}

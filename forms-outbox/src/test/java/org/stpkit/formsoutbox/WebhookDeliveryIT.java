package org.stpkit.formsoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.SubmissionJson;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * Signed webhooks from the outbox on the machine's PostgreSQL (a fresh database per test), delivered
 * in the background by db-scheduler to a receiver that verifies them against the published keys.
 */
class WebhookDeliveryIT {
  private static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final SigningKeys keys = SigningKeys.generate();
  private PostgresDatabase postgres;
  private KeyServer keyServer;

  @BeforeEach
  void start() throws Exception {
    postgres = PostgresDatabase.create("forms_webhook");
    keyServer = new KeyServer(keys);
  }

  @AfterEach
  void stop() throws Exception {
    keyServer.close();
    postgres.close();
  }

  private FormsOutbox outbox(URI receiver) {
    return FormsOutbox.builder(FormsDatabase.on(postgres.dataSource()))
        .form("fishing-licence", form -> form.output("case-system", WebhookOutput.to(receiver, keys)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).build()))
        .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
        .heartbeat(Duration.ofSeconds(1))
        .build();
  }

  @Test
  void theReceiverVerifiesTheSubmissionWithThePublishedKeysAndGetsItsIdempotencyKey() throws Exception {
    try (TestReceiver receiver = new TestReceiver(0, keyServer.jwkSetUrl()); FormsOutbox outbox = outbox(receiver.url())) {
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      Eventually.within(PATIENCE, "delivered", () -> outbox.operations().counts().count(DeliveryStatus.DELIVERED) == 1);

      assertThat(receiver.requests).singleElement().satisfies(request -> {
        assertThat(request.verified()).isTrue();
        assertThat(request.contentType()).isEqualTo("application/jose");
        assertThat(request.idempotencyKey()).matches("[0-9a-f-]{36}");
        assertThat(request.payload()).isEqualTo(SubmissionJson.write(submission));
      });
      assertThat(receiver.processed).hasSize(1);
    }
  }

  @Test
  void aReceiverDownForAWhileThenUpGetsTheSubmissionOnce() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0)) {
      port = reserved.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/submissions");
    try (FormsOutbox outbox = outbox(url)) {
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      // Nothing listening: connections refused, each attempt retried with backoff.
      Eventually.within(PATIENCE, "a retry after a refused connection", () -> outbox.operations().counts()
          .count(DeliveryStatus.RETRYING) == 1);
      try (TestReceiver receiver = new TestReceiver(port, keyServer.jwkSetUrl())) {
        // Up, but answering 503 for a while.
        receiver.mode(TestReceiver.Mode.UNAVAILABLE);
        Eventually.within(PATIENCE, "two 503s", () -> receiver.requests.size() >= 2);
        receiver.mode(TestReceiver.Mode.ACCEPT);
        Eventually.within(PATIENCE, "delivered", () -> outbox.operations().counts().count(DeliveryStatus.DELIVERED) == 1);

        assertThat(receiver.processed).hasSize(1);
        assertThat(receiver.answeredOk).hasValue(1);
        assertThat(receiver.requests).extracting(TestReceiver.Request::idempotencyKey).containsOnly(
            receiver.requests.get(0).idempotencyKey());
        assertThat(receiver.processed.values()).containsExactly(SubmissionJson.write(submission));
      }
    }
  }

  @Test
  void aRefusalIsADeadLetterUntilAnOperatorRedrivesIt() throws Exception {
    try (TestReceiver receiver = new TestReceiver(0, keyServer.jwkSetUrl()); FormsOutbox outbox = outbox(receiver.url())) {
      receiver.mode(TestReceiver.Mode.REFUSE);
      Submission submission = Submissions.of("Jo");
      outbox.forForm(FORM).record("journey", submission);
      Eventually.within(PATIENCE, "a dead letter", () -> !outbox.operations().failed().isEmpty());

      FailedDelivery failed = outbox.operations().failed().get(0);
      assertThat(failed.reference()).isEqualTo(submission.reference());
      assertThat(failed.reason()).isEqualTo("refused: HTTP 400 from " + receiver.url() + ": {\"error\": \"unknown form\"}");
      assertThat(receiver.requests).hasSize(1);

      receiver.mode(TestReceiver.Mode.ACCEPT);
      assertThat(outbox.operations().redriveAll()).isEqualTo(1);
      Eventually.within(PATIENCE, "delivered after the redrive", () -> receiver.processed.size() == 1);
      Eventually.within(PATIENCE, "recorded as delivered", () -> outbox.operations().counts()
          .count(DeliveryStatus.DELIVERED) == 1);
      assertThat(receiver.requests).extracting(TestReceiver.Request::idempotencyKey).containsOnly(failed.id());
    }
  }
}

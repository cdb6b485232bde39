package org.stpkit.formsoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.testsupport.FormBrowser;
import org.stpkit.testsupport.PostgresDatabase;
import org.stpkit.testsupport.TestWebServer;

/**
 * Several instances on one PostgreSQL (a fresh database per test): users' requests spread over two
 * instances with no sticky sessions (their answer store shared, as Redis is in production), and an
 * instance killed while it delivers. One submission, delivered once.
 */
class SeveralInstancesIT {
  private static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final SigningKeys keys = SigningKeys.generate();
  private final List<AutoCloseable> running = new ArrayList<>();
  private PostgresDatabase postgres;
  private TestReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    postgres = PostgresDatabase.create("forms_instances");
    KeyServer keyServer = new KeyServer(keys);
    running.add(keyServer);
    receiver = new TestReceiver(0, keyServer.jwkSetUrl());
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    postgres.close();
  }

  @Test
  void doubleClicksOnTwoInstancesAndABackButtonResubmitMakeOneSubmissionEach() throws Exception {
    AnswerStore shared = new InMemoryAnswerStore(Clock.systemUTC());
    String a = instance(shared, "node-a");
    String b = instance(shared, "node-b");
    ExecutorService clicks = Executors.newFixedThreadPool(2);
    List<String> references = new ArrayList<>();
    try {
      for (int journey = 1; journey <= 5; journey++) {
        FormBrowser browser = FormBrowser.of(a, b);
        browser.get("/apply/");
        browser.post("/apply/name", "name", "Jo " + journey);
        browser.post("/apply/age", "age", "35");
        browser.post("/apply/river", "river", "Avon");
        FormBrowser other = browser.newTab();
        CyclicBarrier together = new CyclicBarrier(2);
        Future<FormBrowser.Page> first = clicks.submit(() -> {
          together.await();
          return browser.post("/apply/check-answers");
        });
        Future<FormBrowser.Page> second = clicks.submit(() -> {
          together.await();
          return other.post("/apply/check-answers");
        });
        String reference = first.get().reference();
        assertThat(reference).matches("FL-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(second.get().reference()).isEqualTo(reference);
        // Back to check your answers and "Accept and apply" again.
        FormBrowser.Page back = browser.post("/apply/check-answers");
        assertThat(back.path()).isEqualTo("/apply/confirmation");
        assertThat(back.reference()).isEqualTo(reference);
        references.add(reference);
      }
    } finally {
      clicks.shutdownNow();
    }

    Eventually.within(PATIENCE, "every submission delivered", () -> receiver.processed.size() == 5);
    assertThat(count("SELECT COUNT(*) FROM forms_submission")).isEqualTo(5);
    assertThat(count("SELECT COUNT(*) FROM forms_received_submission")).isEqualTo(5);
    assertThat(receiver.requests).hasSize(5);
    assertThat(receiver.processed.values()).allSatisfy(json -> assertThat(references).anyMatch(json::contains));
  }

  @Test
  void anInstanceKilledMidDeliveryHasItDeliveredOnceByAnother(@TempDir Path folder) throws Exception {
    receiver.mode(TestReceiver.Mode.HOLD);
    Path keysFile = Files.writeString(folder.resolve("keys.json"), keys.privateJwkSet());
    Process nodeA = startNode("node-a", keysFile);
    try {
      // A web-only instance records; node A, the only one delivering, takes the webhook and waits on it.
      try (FormsOutbox recorder = FormsOutbox.builder(FormsDatabase.on(postgres.dataSource()))
          .form("fishing-licence", form -> form.output("case-system", (d) -> { throw new AssertionError(); })
              .output("reporting", SubmissionTable.inFormsDatabase()))
          .deliver(false).build()) {
        recorder.forForm(FORM).record("journey", Submissions.of("Jo"));
      }
      Eventually.within(PATIENCE, "node A delivering, its request held", () -> receiver.requests.size() == 1);
      assertThat(claimedBy("case-system")).isEqualTo("node-a");
      assertThat(nodeA.isAlive()).isTrue();
    } finally {
      nodeA.destroyForcibly().waitFor();
    }

    // Node B: its housekeeping finds the delivery left in progress (after twice its attempt timeout) and delivers it.
    receiver.mode(TestReceiver.Mode.ACCEPT);
    running.add(FormsOutbox.builder(FormsDatabase.on(postgres.dataSource()))
        .form("fishing-licence", form -> form
            .output("case-system", WebhookOutput.to(receiver.url(), keys).timeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2)).build())
            .output("reporting", SubmissionTable.inFormsDatabase()))
        .attemptTimeout(Duration.ofSeconds(3)).heartbeat(Duration.ofSeconds(1)).nodeName("node-b").build());
    Eventually.within(PATIENCE, "delivered by node B", () -> receiver.requests.size() == 2
        && count("SELECT COUNT(*) FROM forms_delivery WHERE status = 'DELIVERED'") == 2);

    assertThat(receiver.processed).hasSize(1);
    assertThat(receiver.requests.get(1).idempotencyKey()).isEqualTo(receiver.requests.get(0).idempotencyKey());
    assertThat(claimedBy("case-system")).isEqualTo("node-b");
    assertThat(count("SELECT COUNT(*) FROM forms_received_submission")).isEqualTo(1);
  }

  /** An instance: its own Jetty, engine and outbox (delivering), the answer store shared; its base URL. */
  private String instance(AnswerStore answers, String node) throws Exception {
    FormsOutbox outbox = FormsOutbox.builder(FormsDatabase.on(postgres.dataSource()))
        .form("fishing-licence", form -> form
            .output("case-system", WebhookOutput.to(receiver.url(), keys).build())
            .output("reporting", SubmissionTable.inFormsDatabase()))
        .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
        .heartbeat(Duration.ofSeconds(1))
        .nodeName(node)
        .build();
    running.add(outbox);
    FormEngine engine = FormEngine.builder(FORM).mountPath("/apply").answerStore(answers)
        .submissionHandler(outbox.forForm(FORM)).build();
    TestWebServer server = TestWebServer.start().serve("/apply/*", FormServlet.of(engine));
    running.add(server::close);
    return server.baseUrl();
  }

  private Process startNode(String name, Path keysFile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String url = ((PGSimpleDataSource) postgres.dataSource()).getURL();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        DeliveryNode.class.getName(), url, receiver.url().toString(), name, keysFile.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(new File("target", "delivery-" + name + ".log"));
    return builder.start();
  }

  private String claimedBy(String output) throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT claimed_by FROM forms_delivery WHERE output = ?")) {
      select.setString(1, output);
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? String.valueOf(result.getString(1)) : "";
      }
    }
  }

  private long count(String sql) {
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.stpkit.formsoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.ReturnLink;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.FormBrowser;
import org.stpkit.testsupport.MovableClock;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * "Save and come back later" with the forms database, on H2 and on the machine's PostgreSQL (a fresh
 * database per test, dropped after): two instances, each its own Jetty, engine and answer store (so a
 * journey resumed on the other starts a new session there), sharing only the database. The link goes
 * back once, across instances and also when two use it at once; expires; and stops working after
 * too many wrong answers.
 */
class SaveAndReturnIT {
  private static final FormDefinition FORM = FormDefinitions.load(Path.of("../forms-engine/samples/save-and-return.yaml"));
  private static final String SERVICE = "https://grants.example.gov.uk";

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-12-06T10:00:00Z"));
  private final List<ReturnLink> sent = new CopyOnWriteArrayList<>();
  private final List<Submission> submissions = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private FormsDatabase database;

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void savedOnOneInstanceAndResumedOnAnotherInANewSession(String kind) throws Exception {
    FormBrowser a = FormBrowser.of(instance(kind));
    FormBrowser b = FormBrowser.of(instance(kind));
    saveOnTheRiverPage(a);
    assertThat(count("SELECT COUNT(*) FROM forms_saved_progress WHERE progress IS NOT NULL")).isEqualTo(1);
    assertThat(text("SELECT * FROM forms_saved_progress"))
        .as("the link's secret and the address are not kept, nor the answer in clear")
        .doesNotContain(secret()).doesNotContain("jo@example.com").doesNotContain("Mill Lane");

    FormBrowser.Page opened = b.get(linkPath());
    assertThat(opened.heading()).isEqualTo("Continue your application");
    FormBrowser.Page resumed = b.post(linkPath(), "securityAnswer", "mill lane");
    assertThat(resumed.path()).isEqualTo("/apply/project");
    assertThat(resumed.html()).contains("A new boat");
    b.post("/apply/project", "project", "A new boat");
    FormBrowser.Page check = b.post("/apply/amount", "amount", "1200");
    assertThat(check.summary()).containsEntry("What is the name of your organisation?", "Riverside Rowing Club");
    b.post("/apply/check-answers");
    assertThat(submissions).singleElement().satisfies(submission ->
        assertThat(submission.answers()).containsEntry("contactEmail", "club@example.org"));
    assertThat(count("SELECT COUNT(*) FROM forms_saved_progress WHERE used_at IS NOT NULL AND progress IS NULL"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aLinkUsedTwiceAtOnceOnTwoInstancesResumesOnce(String kind) throws Exception {
    String a = instance(kind);
    String b = instance(kind);
    saveOnTheRiverPage(FormBrowser.of(a));
    FormBrowser first = FormBrowser.of(a);
    FormBrowser second = FormBrowser.of(b);
    first.get(linkPath());
    second.get(linkPath());
    ExecutorService clicks = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      Future<FormBrowser.Page> one = clicks.submit(() -> {
        together.await();
        return first.post(linkPath(), "securityAnswer", "Mill Lane");
      });
      Future<FormBrowser.Page> two = clicks.submit(() -> {
        together.await();
        return second.post(linkPath(), "securityAnswer", "Mill Lane");
      });
      List<FormBrowser.Page> pages = List.of(one.get(), two.get());
      assertThat(pages).filteredOn(page -> page.path().equals("/apply/project")).hasSize(1);
      assertThat(pages).filteredOn(page -> page.status() == 410).singleElement()
          .satisfies(page -> assertThat(page.heading()).isEqualTo("This link has already been used"));
    } finally {
      clicks.shutdownNow();
    }
    FormBrowser.Page later = FormBrowser.of(b).get(linkPath());
    assertThat(later.status()).isEqualTo(410);
    assertThat(later.heading()).isEqualTo("This link has already been used");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anExpiredLinkHasItsPageAndItsAnswersAreRemoved(String kind) throws Exception {
    FormBrowser a = FormBrowser.of(instance(kind));
    saveOnTheRiverPage(a);
    String expiredLink = linkPath();
    clock.advance(Duration.ofDays(28));

    FormBrowser.Page expired = FormBrowser.of(instance(kind)).get(expiredLink);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.heading()).isEqualTo("This link has expired");
    assertThat(expired.html()).contains("You will need to start again.");

    // The next save, whoever makes it, removes the expired answers; the link still says it expired.
    saveOnTheRiverPage(FormBrowser.of(instance(kind)));
    assertThat(count("SELECT COUNT(*) FROM forms_saved_progress WHERE progress IS NULL")).isEqualTo(1);
    assertThat(FormBrowser.of(instance(kind)).get(expiredLink).heading()).isEqualTo("This link has expired");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void wrongAnswersToTheSecurityQuestionAreCountedOnEveryInstanceThenTheLinkIsRefused(String kind) throws Exception {
    FormBrowser a = FormBrowser.of(instance(kind));
    FormBrowser b = FormBrowser.of(instance(kind));
    saveOnTheRiverPage(a);
    a.get(linkPath());
    b.get(linkPath());
    for (int attempt = 1; attempt <= 4; attempt++) {
      FormBrowser.Page wrong = (attempt % 2 == 0 ? a : b).post(linkPath(), "securityAnswer", "Mill Road");
      assertThat(wrong.html()).contains("You can try " + (5 - attempt) + " more time");
    }
    FormBrowser.Page refused = a.post(linkPath(), "securityAnswer", "Mill Street");
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.heading()).isEqualTo("You cannot use this link");
    assertThat(b.post(linkPath(), "securityAnswer", "Mill Lane").heading()).isEqualTo("You cannot use this link");
    assertThat(count("SELECT COUNT(*) FROM forms_saved_progress WHERE attempts = 5 AND progress IS NULL"
        + " AND security_answer_hash IS NULL")).isEqualTo(1);
  }

  /** Two pages answered, the third saved with its answer; the link sent for jo@example.com. */
  private void saveOnTheRiverPage(FormBrowser browser) {
    browser.get("/apply/");
    browser.post("/apply/organisation", "organisation", "Riverside Rowing Club");
    browser.post("/apply/contact", "contactEmail", "club@example.org");
    FormBrowser.Page save = browser.post("/apply/project", "project", "A new boat", "saveAndReturn", "save");
    assertThat(save.heading()).isEqualTo("Save your progress");
    FormBrowser.Page saved = browser.post("/apply/progress/save", "from", "/project", "email", "jo@example.com",
        "securityAnswer", "Mill Lane");
    assertThat(saved.heading()).isEqualTo("Your progress has been saved");
  }

  private String linkPath() {
    assertThat(sent).isNotEmpty();
    String url = sent.get(sent.size() - 1).url();
    assertThat(url).startsWith(SERVICE + "/apply/return/");
    return url.substring(SERVICE.length());
  }

  private String secret() {
    return linkPath().substring(linkPath().lastIndexOf('/') + 1);
  }

  /** An instance on the test's database: its own Jetty, engine and answer store; its base URL. */
  private String instance(String kind) throws Exception {
    if (database == null) {
      if (kind.equals("postgresql")) {
        PostgresDatabase postgres = PostgresDatabase.create("forms_save");
        running.add(postgres);
        database = FormsDatabase.on(postgres.dataSource());
      } else {
        database = FormsDatabase.inMemory();
      }
    }
    FormEngine engine = FormEngine.builder(FORM).mountPath("/apply").clock(clock)
        .answerStore(new InMemoryAnswerStore(clock))
        .saveAndReturn(SaveAndReturn.builder(URI.create(SERVICE + "/apply"), FormsProgressStore.on(database), sent::add)
            .build())
        .submissionHandler(submissions::add).build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(FormServlet.of(engine)), "/apply/*");
    server.setHandler(context);
    server.start();
    running.add(server::stop);
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private String text(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      StringBuilder all = new StringBuilder();
      while (result.next()) {
        for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
          all.append(result.getString(column)).append('\n');
        }
      }
      return all.toString();
    }
  }
}

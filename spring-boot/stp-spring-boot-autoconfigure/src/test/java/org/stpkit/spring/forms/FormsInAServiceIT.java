package org.stpkit.spring.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.spring.templates.StpTemplatesAutoConfiguration;
import org.stpkit.testsupport.FormBrowser;

/**
 * The forms auto-configuration in a running Spring Boot service (embedded Tomcat on a free port):
 * each definition under {@code classpath:forms/*.yaml} is a journey at its own path, govuk-frontend's
 * assets are served at {@code /assets}, a completed form goes to the application's submission
 * handler, journeys are kept in the application's answer store, and pages and submissions are
 * counted in Micrometer.
 */
class FormsInAServiceIT {
  private static ConfigurableApplicationContext service;
  private static String base;
  private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

  /** The application's own beans: where submissions go, and a store that counts its use. */
  @SpringBootConfiguration
  @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, StpTemplatesAutoConfiguration.class,
      StpFormsAutoConfiguration.class})
  static class FormsService {
    @Bean
    Received received() {
      return new Received();
    }

    @Bean
    SubmissionHandler submissionHandler(Received received) {
      return received.submissions::add;
    }

    @Bean
    CountingAnswerStore answerStore() {
      return new CountingAnswerStore();
    }
  }

  static final class Received {
    final List<Submission> submissions = new CopyOnWriteArrayList<>();
  }

  /** The in-memory store, counting the writes made through it. */
  static final class CountingAnswerStore implements AnswerStore {
    final InMemoryAnswerStore store = new InMemoryAnswerStore(Clock.systemUTC());
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public Optional<FormSession> find(String sessionId) {
      return store.find(sessionId);
    }

    @Override
    public void save(FormSession session, Duration timeToLive) {
      writes.incrementAndGet();
      store.save(session, timeToLive);
    }

    @Override
    public Optional<FormSession> update(String sessionId, UnaryOperator<FormSession> change, Duration timeToLive) {
      writes.incrementAndGet();
      return store.update(sessionId, change, timeToLive);
    }

    @Override
    public void delete(String sessionId) {
      store.delete(sessionId);
    }

    @Override
    public String claimSubmission(String sessionId, String reference) {
      return store.claimSubmission(sessionId, reference);
    }

    @Override
    public void releaseSubmission(String sessionId, String reference) {
      store.releaseSubmission(sessionId, reference);
    }
  }

  @BeforeAll
  static void startTheService() {
    service = new SpringApplicationBuilder(FormsService.class)
        .properties("server.port=0", "stp.forms.paths.report-a-fault=/report", "spring.main.banner-mode=off")
        .run();
    base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    // What Boot's metrics auto-configuration does with every MeterBinder bean, on a registry of the test's.
    service.getBeansOfType(MeterBinder.class).values().forEach(binder -> binder.bindTo(METERS));
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aCitizenCompletesAFormAndTheApplicationsHandlerReceivesIt() {
    FormBrowser citizen = FormBrowser.of(base);
    FormBrowser.Page first = citizen.get("/contact-us/");
    assertThat(first.path()).isEqualTo("/contact-us/message");
    assertThat(first.heading()).contains("What do you want to tell us?");

    FormBrowser.Page check = citizen.post("/contact-us/message", "message", "The bridge is out");
    assertThat(check.path()).isEqualTo("/contact-us/check-answers");
    assertThat(check.summary()).containsEntry("What do you want to tell us?", "The bridge is out");

    FormBrowser.Page sent = citizen.post("/contact-us/check-answers");
    assertThat(sent.path()).isEqualTo("/contact-us/confirmation");
    assertThat(sent.reference()).isNotBlank();

    List<Submission> submissions = service.getBean(Received.class).submissions;
    assertThat(submissions).singleElement().satisfies(submission -> {
      assertThat(submission.formId()).isEqualTo("contact-us");
      assertThat(submission.reference()).isEqualTo(sent.reference());
      assertThat(submission.answers()).containsEntry("message", "The bridge is out");
    });
    assertThat(service.getBean(CountingAnswerStore.class).writes.get()).isGreaterThanOrEqualTo(2);
    assertThat(METERS.get("stp.forms.submissions").tag("form", "contact-us").tag("outcome", "sent").counter().count())
        .isEqualTo(1.0);
    assertThat(METERS.get("stp.forms.page.render").tag("form", "contact-us").tag("method", "POST").timer().count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void eachFormIsServedAtItsOwnPath() {
    FormBrowser citizen = FormBrowser.of(base);
    assertThat(citizen.get("/report/").path()).isEqualTo("/report/fault");
    assertThat(citizen.get("/report-a-fault/").status()).isEqualTo(404);
  }

  @Test
  void thePagesAssetsAreServedAtAssets() throws Exception {
    FormBrowser.Page page = FormBrowser.of(base).get("/contact-us/");
    Matcher stylesheet = Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/[^\"]+\\.css)\"").matcher(page.html());
    assertThat(stylesheet.find()).as("a stylesheet under /assets in %s", page.html()).isTrue();

    HttpResponse<String> css = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + stylesheet.group(1))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
    assertThat(css.body()).contains(".govuk-");
  }
}

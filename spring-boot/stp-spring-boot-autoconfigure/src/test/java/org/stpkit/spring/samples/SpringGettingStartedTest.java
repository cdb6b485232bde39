package org.stpkit.spring.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.spring.idam.KeycloakSecurityConfigurer;
import org.stpkit.spring.notify.TransactionalMilestones;

/**
 * The samples of docs/developers/spring-boot.md, run: one service with all four starters, configured
 * by {@code samples/application.yaml}, started on a free port and asked over HTTP. Keycloak is not
 * needed: sign-in only has to send the browser to it.
 */
class SpringGettingStartedTest {
  private static ConfigurableApplicationContext service;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = new SpringApplicationBuilder(LicensingService.class)
        .properties("spring.config.location=classpath:samples/application.yaml", "server.port=0")
        .run();
    base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void theStartPageIsAFreeMarkerViewDrawnWithTheGovukMacrosAndItsAssetsAreServed() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1 class=\"govuk-heading-xl\">Apply for a licence</h1>",
        "govuk-button--start", "You need a licence to fish in England and Wales.");
    assertThat(get("/assets/govuk-frontend.min.css").statusCode()).isEqualTo(200);
  }

  @Test
  void theFormIsServedAtItsPathAndSubmissionsReachTheHandler() throws Exception {
    HttpResponse<String> page = get("/apply/age");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("How old are you?");
    assertThat(service.getBean(Submissions.class).received()).isEmpty();
  }

  @Test
  void aMilestoneReachedInATransactionIsQueuedInTheOutbox() {
    service.getBean(Decisions.class).decide("LIC-1", "applicant@example.com");

    assertThat(service.getBean(MilestoneMessenger.class).timeline("LIC-1"))
        .extracting(entry -> entry.status()).containsExactly(OutboxStatus.QUEUED);
  }

  @Test
  void caseworkerPagesSendTheBrowserToKeycloakToSignIn() throws Exception {
    HttpResponse<String> cases = get("/cases");
    assertThat(cases.statusCode()).isEqualTo(302);
    assertThat(cases.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .endsWith("/oauth2/authorization/keycloak"));

    HttpResponse<String> signIn = get("/oauth2/authorization/keycloak");
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .startsWith("https://sso.example.gov.uk/realms/staff/protocol/openid-connect/auth?")
        .contains("client_id=licensing-service"));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    // As a browser asks: for HTML, so that sign-in redirects rather than answering as an API would.
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The service: its own code is the classes below, named here because scanning leaves out classes
   * nested in a test; the starters do the rest.
   */
  @SpringBootApplication
  @Import({StartPage.class, Submissions.class, Decisions.class, Security.class})
  static class LicensingService {}

  // tag::templates[]
  @Controller
  static class StartPage {
    @GetMapping("/")
    String start(Model model) {
      model.addAttribute("reason", "You need a licence to fish in England and Wales.");
      return "start";   // templates/start.ftlh, which imports /govuk/all.ftlh and /govuk/template.ftlh
    }
  }
  // end::templates[]

  // tag::forms[]
  @Configuration(proxyBeanMethods = false)
  static class Submissions {
    private final List<Submission> received = new CopyOnWriteArrayList<>();

    /** Every completed form, once; Submission.formId() says which form it is. */
    @Bean
    SubmissionHandler submissionHandler() {
      return submission -> received.add(submission);   // in a real service: your case system
    }

    List<Submission> received() {
      return received;
    }
  }
  // end::forms[]

  // tag::notify[]
  @Service
  static class Decisions {
    private final TransactionalMilestones milestones;

    Decisions(TransactionalMilestones milestones) {
      this.milestones = milestones;
    }

    @Transactional
    public void decide(String caseRef, String email) {
      // ... record the decision in your own tables, in this transaction ...
      milestones.reached(caseRef, "DECISION_MADE",
          CaseData.of(Map.of("caseRef", caseRef, "applicant", Map.of("email", email))));
    }
  }
  // end::notify[]

  // tag::idam[]
  @Configuration(proxyBeanMethods = false)
  static class Security {
    @Bean
    SecurityFilterChain security(HttpSecurity http, KeycloakSecurityConfigurer keycloak) throws Exception {
      http.authorizeHttpRequests(requests -> requests
              .requestMatchers("/", "/apply/**", "/assets/**", "/error").permitAll()
              .requestMatchers("/cases/**").hasRole("caseworker")
              .anyRequest().authenticated())
          .csrf(csrf -> csrf.ignoringRequestMatchers("/apply/**"))   // the form engine checks its own token
          .with(keycloak, Customizer.withDefaults());
      return http.build();
    }
  }
  // end::idam[]
}

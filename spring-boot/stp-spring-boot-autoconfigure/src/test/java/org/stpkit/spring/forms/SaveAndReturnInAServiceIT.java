package org.stpkit.spring.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.stpkit.forms.spi.InMemoryProgressStore;
import org.stpkit.forms.spi.ProgressStore;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.spring.notify.StpNotifyAutoConfiguration;
import org.stpkit.spring.templates.StpTemplatesAutoConfiguration;
import org.stpkit.testsupport.FormBrowser;

/**
 * "Save and come back later" in a running Spring Boot service (embedded Tomcat on a free port), set
 * up as a service owner would: the form's address, link validity and wrong answers allowed in
 * {@code stp.forms.save-and-return.*}, a {@link ProgressStore} bean, and the link emailed through a
 * milestone of the notify starter's catalogue, here to the Notify simulator. A citizen saves, the
 * email's link opens in another browser, a wrong answer counts against the configured limit, and the
 * right one returns to the page left.
 */
class SaveAndReturnInAServiceIT {
  private static final String FORM_URL = "https://apply.example.gov.uk/apply";

  @TempDir Path folder;

  @SpringBootConfiguration
  @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, StpTemplatesAutoConfiguration.class,
      StpNotifyAutoConfiguration.class, StpFormsAutoConfiguration.class})
  static class GrantService {
    @Bean
    SubmissionHandler submissionHandler() {
      return submission -> { };
    }

    @Bean
    ProgressStore progressStore() {
      return new InMemoryProgressStore();
    }
  }

  @Test
  void aCitizenSavesGetsTheLinkByEmailAndReturnsToThePageLeft() {
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GrantService.class)
        .properties("server.port=0", "spring.main.banner-mode=off",
            "stp.forms.locations=classpath:save-and-return-forms/*.yaml", "stp.forms.paths.grant=/apply",
            "stp.forms.save-and-return.form-url.grant=" + FORM_URL, "stp.forms.save-and-return.link-valid-for=7d",
            "stp.forms.save-and-return.max-wrong-answers=2", "stp.forms.save-and-return.milestone=PROGRESS_SAVED",
            "stp.notify.catalogue=classpath:notify/save-and-return-milestones.yaml",
            "stp.notify.simulator.config=classpath:notify/save-and-return-simulator.yaml",
            "stp.notify.simulator.mode=always", "stp.notify.outbox.embedded-file=" + folder.resolve("outbox"))
        .run()) {
      String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
      NotifySimulator simulator = service.getBean(NotifySimulator.class);

      FormBrowser citizen = FormBrowser.of(base);
      citizen.get("/apply/");
      FormBrowser.Page save = citizen.post("/apply/organisation", "organisation", "Riverside Rowing Club",
          "saveAndReturn", "save");
      assertThat(save.path()).isEqualTo("/apply/progress/save?from=/organisation");
      assertThat(save.html()).as("link-valid-for=7d").contains("The link works once, for 7 days.");
      FormBrowser.Page saved = citizen.post("/apply/progress/save", "from", "/organisation", "email",
          "jo@example.com", "securityAnswer", "Mill Lane");
      assertThat(saved.path()).isEqualTo("/apply/progress/saved");
      assertThat(saved.heading()).isEqualTo("Your progress has been saved");

      waitUntil(() -> !sentTo(simulator, "jo@example.com").isEmpty(), "the simulator received the link's email");
      SimulatedNotification email = sentTo(simulator, "jo@example.com").get(0);
      Matcher link = Pattern.compile(Pattern.quote(FORM_URL) + "(/return/[A-Za-z0-9_-]+)").matcher(email.body());
      assertThat(link.find()).as("the link below the configured address in %s", email.body()).isTrue();
      assertThat(email.body()).contains("Continue Apply for a grant with");
      assertThat(email.personalisation().get("expires")).as("a link valid for 7 days, not the default 28")
          .isEqualTo(saved.html().replaceAll("(?s).*The link works once, until ([^.]+)\\..*", "$1"));

      FormBrowser elsewhere = FormBrowser.of(base);
      String returnPath = "/apply" + link.group(1);
      assertThat(elsewhere.get(returnPath).heading()).isEqualTo("Continue your application");
      FormBrowser.Page wrong = elsewhere.post(returnPath, "securityAnswer", "Mill Road");
      assertThat(wrong.html()).as("two answers allowed: one more after a wrong one").contains("You can try 1 more time");
      FormBrowser.Page back = elsewhere.post(returnPath, "securityAnswer", "Mill Lane");
      assertThat(back.path()).isEqualTo("/apply/organisation");
      assertThat(back.inputValue("organisation")).isEqualTo("Riverside Rowing Club");
    }
  }

  private static void waitUntil(BooleanSupplier condition, String what) {
    // The outbox sends to the simulator from its own thread, in well under a second when idle.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 seconds for: %s", what).isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }

  private static List<SimulatedNotification> sentTo(NotifySimulator simulator, String email) {
    return simulator.notifications().stream().filter(sent -> sent.recipient().equals(email)).toList();
  }
}

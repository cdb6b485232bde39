package org.stpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.spring.forms.StpFormsAutoConfiguration;
import org.stpkit.spring.notify.StpNotifyAutoConfiguration;
import org.stpkit.spring.templates.StpTemplatesAutoConfiguration;

/**
 * What a developer sees when a service cannot start because of STP Kit's configuration: Spring
 * Boot's "APPLICATION FAILED TO START" report, with each problem on a line of its own naming its
 * file and line or its property, and what to do, in place of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportIT {
  @SpringBootConfiguration
  @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, StpTemplatesAutoConfiguration.class,
      StpFormsAutoConfiguration.class, StpNotifyAutoConfiguration.class})
  static class Service {
    @Bean
    SubmissionHandler submissionHandler() {
      return submission -> { };
    }
  }

  private static void start(String... properties) {
    new SpringApplicationBuilder(Service.class)
        .properties("server.port=0", "spring.main.banner-mode=off", "stp.notify.enabled=false")
        .properties(properties)
        .run();
  }

  @Test
  void aBadFormDefinitionIsReportedWithItsFileLineAndWhatToDo(CapturedOutput output) {
    assertThatThrownBy(() -> start("stp.forms.locations=classpath:broken-forms/*.yaml")).isNotNull();

    assertThat(output.getOut() + output.getErr()).contains(
        "APPLICATION FAILED TO START",
        "The form definitions have 1 problem:\n"
            + "  broken-forms/broken.yaml:13:13: pages[0].next[0].to: no page has the path '/nowhere'",
        "Action:",
        "Correct the definitions (./stp forms check <file> shows the same)");
  }

  @Test
  void aBadCatalogueIsReportedWithItsLines(CapturedOutput output) {
    assertThatThrownBy(() -> start("stp.notify.enabled=true", "stp.notify.catalogue=classpath:notify/bad-milestones.yaml",
        "stp.notify.outbox.database=embedded",
        "stp.notify.outbox.embedded-file=" + System.getProperty("java.io.tmpdir") + "/stp-failure-report-outbox"))
        .isNotNull();

    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START", "The milestone catalogue has",
        "notify/bad-milestones.yaml:5:", "unknown channel 'pigeon'", "Correct notify/bad-milestones.yaml.");
  }

  @Test
  void aPropertyOutOfRangeIsReportedByName(CapturedOutput output) {
    assertThatThrownBy(() -> start("stp.forms.max-fields=0")).isNotNull();

    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START", "stp.forms.max-fields", "must be at least 1");
  }
}

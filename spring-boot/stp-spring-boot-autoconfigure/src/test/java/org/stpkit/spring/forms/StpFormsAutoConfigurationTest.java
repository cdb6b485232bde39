package org.stpkit.spring.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.spring.StartupFailures.messages;
import static org.stpkit.spring.StartupFailures.stpFailure;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.spring.templates.StpTemplatesAutoConfiguration;

/**
 * When the forms auto-configuration is on, what it makes of the definitions it finds, and what stops
 * the application. Serving the forms over HTTP is {@code FormsInAServiceIT}.
 */
class StpFormsAutoConfigurationTest {
  private static final SubmissionHandler IGNORED = submission -> { };

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StpTemplatesAutoConfiguration.class, StpFormsAutoConfiguration.class));

  @Test
  void servesEveryDefinitionUnderTheDefaultLocationAtItsIdOrItsConfiguredPath() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.forms.paths.report-a-fault=/report")
        .run(context -> {
          assertThat(context).hasNotFailed();
          ServedForms forms = context.getBean(ServedForms.class);
          assertThat(forms.forms()).extracting(ServedForm::id, ServedForm::path)
              .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("contact-us", "/contact-us"),
                  org.assertj.core.groups.Tuple.tuple("report-a-fault", "/report"));
          assertThat(forms.byId("contact-us")).get().extracting(form -> form.engine().form().title().in("en"))
              .isEqualTo("Contact us");
          assertThat(context).hasSingleBean(AnswerStore.class).hasBean("stpFormServlets").hasBean("govukAssetServlet");
        });
  }

  @Test
  void isOffWhenFormsEngineIsNotOnTheClassPath() {
    web.withClassLoader(new FilteredClassLoader(FormEngine.class))
        .withBean(SubmissionHandler.class, () -> IGNORED)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServedForms.class)
            .doesNotHaveBean(AnswerStore.class));
  }

  @Test
  void isOffWhenThePropertiesSaySo() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.forms.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServedForms.class));
  }

  @Test
  void isOffOutsideAServletWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StpTemplatesAutoConfiguration.class, StpFormsAutoConfiguration.class))
        .withBean(SubmissionHandler.class, () -> IGNORED)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServedForms.class));
  }

  @Test
  void aBadDefinitionStopsTheApplicationNamingItsFileLineAndProblem() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.forms.locations=classpath:broken-forms/*.yaml")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> {
              assertThat(e.problems()).containsExactly(
                  "broken-forms/broken.yaml:13:13: pages[0].next[0].to: no page has the path '/nowhere'");
              assertThat(e.getMessage()).startsWith("The form definitions have 1 problem:");
              assertThat(e.action()).contains("./stp forms check");
            }));
  }

  @Test
  void aLocationWithNoDefinitionsStopsTheApplication() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.forms.locations=classpath:no-such-folder/*.yaml")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> assertThat(e.problems())
                .containsExactly("stp.forms.locations: nothing matches classpath:no-such-folder/*.yaml")));
  }

  @Test
  void withoutASubmissionHandlerTheApplicationDoesNotStart() {
    web.run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> {
          assertThat(e.getMessage()).startsWith("No submission handler for the forms");
          assertThat(e.action()).contains("org.stpkit.forms.spi.SubmissionHandler");
        }));
  }

  @Test
  void theApplicationsAnswerStoreReplacesTheInMemoryOne() {
    AnswerStore own = new InMemoryAnswerStore(Clock.systemUTC());
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withBean("ownAnswerStore", AnswerStore.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(AnswerStore.class).doesNotHaveBean("stpFormsAnswerStore");
          assertThat(context.getBean(AnswerStore.class)).isSameAs(own);
        });
  }

  @Test
  void aFormPathThatCannotBeMountedStopsTheApplicationNamingTheProperty() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.forms.paths.contact-us=no-slash")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> assertThat(e.problems())
                .singleElement().asString().startsWith("stp.forms.paths.contact-us=no-slash: ")));
  }

  @Test
  void propertiesOutOfRangeStopTheApplicationNamingTheProperty() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.forms.max-fields=0")
        .run(context -> {
          assertThat(context).getFailure().isInstanceOf(Exception.class);
          assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(org.springframework.boot.context.properties.bind.validation.BindValidationException.class);
          assertThat(messages(context.getStartupFailure()))
              .anySatisfy(message -> assertThat(message).contains("maxFields", "must be at least 1"));
        });
  }

  @Test
  void theTemplatesAssetPathIsValidated() {
    web.withBean(SubmissionHandler.class, () -> IGNORED)
        .withPropertyValues("stp.templates.asset-path=assets/")
        .run(context -> assertThat(messages(context.getStartupFailure()))
            .anySatisfy(message -> assertThat(message)
                .contains("assetPath", "must start with / and not end with /, such as /assets")));
  }

}

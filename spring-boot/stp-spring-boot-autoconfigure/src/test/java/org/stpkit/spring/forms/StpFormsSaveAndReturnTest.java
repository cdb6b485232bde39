package org.stpkit.spring.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.spring.StartupFailures.stpFailure;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.stpkit.formsnotify.NotifyReturnLinkSender;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.spi.InMemoryProgressStore;
import org.stpkit.forms.spi.ProgressStore;
import org.stpkit.forms.spi.ReturnLinkSender;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.spring.notify.StpNotifyAutoConfiguration;
import org.stpkit.spring.templates.StpTemplatesAutoConfiguration;

/**
 * Save and return for a form whose definition offers it: what the auto-configuration gives its
 * engine (the application's SaveAndReturn bean, or one made from stp.forms.save-and-return.* and the
 * application's beans, or a Notify sender from the milestone), and the start-up failure that names
 * the form and each missing property or bean. A form whose engine is not given it does not build,
 * so a context that starts here is one whose form has it. Saving and returning over HTTP is {@code
 * SaveAndReturnInAServiceIT}.
 */
class StpFormsSaveAndReturnTest {
  private static final SubmissionHandler IGNORED = submission -> { };
  private static final ReturnLinkSender DROPPED = link -> { };

  @TempDir Path folder;

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StpTemplatesAutoConfiguration.class, StpFormsAutoConfiguration.class))
      .withBean(SubmissionHandler.class, () -> IGNORED)
      .withPropertyValues("stp.forms.locations=classpath:save-and-return-forms/*.yaml");

  @Test
  void aFormThatOffersSaveAndReturnWithNothingConfiguredStopsTheApplicationNamingWhatIsMissing() {
    web.run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> {
      assertThat(e.getMessage()).startsWith("Save and return is offered but not configured:");
      assertThat(e.problems()).containsExactly(
          "form 'grant' offers save and return (saveAndReturn in its definition), but"
              + " stp.forms.save-and-return.form-url.grant is not set: the form's public address, such as"
              + " https://apply.example.gov.uk/grant",
          "form 'grant' offers save and return, but the application has no single ProgressStore bean: where saved"
              + " journeys are kept, such as forms-outbox's FormsProgressStore",
          "form 'grant' offers save and return, but the application has no single ReturnLinkSender bean, and"
              + " stp.forms.save-and-return.milestone is not set");
      assertThat(e.action()).contains("stp.forms.save-and-return.form-url.<form id>", "ProgressStore",
          "ReturnLinkSender", "stp.forms.save-and-return.milestone", "SaveAndReturn bean");
    }));
  }

  @Test
  void theFormUrlAndTheApplicationsStoreAndSenderGiveTheFormSaveAndReturn() {
    web.withBean(ProgressStore.class, InMemoryProgressStore::new)
        .withBean(ReturnLinkSender.class, () -> DROPPED)
        .withPropertyValues("stp.forms.paths.grant=/apply", "stp.forms.save-and-return.form-url.grant=https://apply.example.gov.uk/apply")
        .run(context -> assertThat(context).hasNotFailed().getBean(ServedForms.class)
            .satisfies(forms -> assertThat(forms.byId("grant")).get().extracting(ServedForm::path).isEqualTo("/apply")));
  }

  @Test
  void onlyTheMissingFormUrlIsNamedWhenTheBeansAreThere() {
    web.withBean(ProgressStore.class, InMemoryProgressStore::new)
        .withBean(ReturnLinkSender.class, () -> DROPPED)
        .withPropertyValues("stp.forms.paths.grant=/apply")
        .run(context -> assertThat(stpFailure(context.getStartupFailure()).problems()).containsExactly(
            "form 'grant' offers save and return (saveAndReturn in its definition), but"
                + " stp.forms.save-and-return.form-url.grant is not set: the form's public address, such as"
                + " https://apply.example.gov.uk/apply"));
  }

  @Test
  void aFormUrlOrLinkValidityThatCannotWorkIsNamedWithItsProperty() {
    web.withBean(ProgressStore.class, InMemoryProgressStore::new)
        .withBean(ReturnLinkSender.class, () -> DROPPED)
        .withPropertyValues("stp.forms.save-and-return.form-url.grant=https://apply.example.gov.uk/grant/",
            "stp.forms.save-and-return.link-valid-for=0s")
        .run(context -> assertThat(stpFailure(context.getStartupFailure()).problems()).containsExactly(
            "stp.forms.save-and-return.link-valid-for=PT0S: a link must work for some time, such as 28d",
            "stp.forms.save-and-return.form-url.grant=https://apply.example.gov.uk/grant/: formUrl must be an absolute"
                + " http(s) address with no query, fragment or trailing slash, such as"
                + " https://apply.example.gov.uk/apply: https://apply.example.gov.uk/grant/"));
  }

  @Test
  void theApplicationsSaveAndReturnBeanIsGivenToTheForm() {
    web.withBean(SaveAndReturn.class, () -> SaveAndReturn.builder(URI.create("https://apply.example.gov.uk/grant"),
            new InMemoryProgressStore(), DROPPED).build())
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ServedForms.class));
  }

  @Test
  void oneSaveAndReturnBeanCannotServeSeveralForms() {
    web.withPropertyValues("stp.forms.locations=classpath:save-and-return-forms-two/*.yaml")
        .withBean(SaveAndReturn.class, () -> SaveAndReturn.builder(URI.create("https://apply.example.gov.uk/grant"),
            new InMemoryProgressStore(), DROPPED).build())
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> {
          assertThat(e.problems()).containsExactly("forms [grant, loan] offer save and return, and the application's"
              + " SaveAndReturn bean has one form address: https://apply.example.gov.uk/grant");
          assertThat(e.action()).contains("stp.forms.save-and-return.form-url.<form id>");
        }));
  }

  @Test
  void formsThatDoNotOfferItNeedNothing() {
    web.withPropertyValues("stp.forms.locations=classpath:forms/*.yaml")
        .run(context -> assertThat(context).hasNotFailed());
  }

  private WebApplicationContextRunner withNotify() {
    return web.withConfiguration(AutoConfigurations.of(StpNotifyAutoConfiguration.class))
        .withBean(ProgressStore.class, InMemoryProgressStore::new)
        .withPropertyValues("stp.forms.save-and-return.form-url.grant=https://apply.example.gov.uk/grant",
            "stp.notify.catalogue=classpath:notify/save-and-return-milestones.yaml",
            "stp.notify.simulator.mode=never", "stp.notify.outbox.embedded-file=" + folder.resolve("outbox"));
  }

  @Test
  void withTheNotifyStarterTheMilestoneSendsTheLinks() {
    withNotify().withPropertyValues("stp.forms.save-and-return.milestone=PROGRESS_SAVED")
        .run(context -> assertThat(context).hasNotFailed().getBean(ReturnLinkSender.class)
            .isInstanceOf(NotifyReturnLinkSender.class));
  }

  @Test
  void theApplicationsReturnLinkSenderWinsOverTheMilestone() {
    withNotify().withPropertyValues("stp.forms.save-and-return.milestone=PROGRESS_SAVED")
        .withBean(ReturnLinkSender.class, () -> DROPPED)
        .run(context -> assertThat(context).hasNotFailed().getBean(ReturnLinkSender.class).isSameAs(DROPPED));
  }

  @Test
  void aMilestoneTheCatalogueDoesNotHaveStopsTheApplicationNamingTheProperty() {
    withNotify().withPropertyValues("stp.forms.save-and-return.milestone=PROGRES_SAVED")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> {
          assertThat(e.problems()).containsExactly("stp.forms.save-and-return.milestone=PROGRES_SAVED: the milestone"
              + " catalogue has no milestone 'PROGRES_SAVED' to send save-and-return links with; it has PROGRESS_SAVED");
        }));
  }

  @Test
  void aMilestoneWithoutTheNotifyStarterStopsTheApplicationNamingWhatIsMissing() {
    web.withBean(ProgressStore.class, InMemoryProgressStore::new)
        .withPropertyValues("stp.forms.save-and-return.form-url.grant=https://apply.example.gov.uk/grant",
            "stp.forms.save-and-return.milestone=PROGRESS_SAVED")
        .run(context -> assertThat(stpFailure(context.getStartupFailure()).problems()).containsExactly(
            "stp.forms.save-and-return.milestone=PROGRESS_SAVED: the application has no MilestoneMessenger bean to send"
                + " the links with; add the notify starter (org.stpkit:stp-spring-boot-starter-notify)"));
  }

  @Test
  void aMilestoneWithoutFormsNotifyOnTheClassPathIsNamed() {
    web.withClassLoader(new FilteredClassLoader(NotifyReturnLinkSender.class))
        .withBean(ProgressStore.class, InMemoryProgressStore::new)
        .withPropertyValues("stp.forms.save-and-return.form-url.grant=https://apply.example.gov.uk/grant",
            "stp.forms.save-and-return.milestone=PROGRESS_SAVED")
        .run(context -> assertThat(stpFailure(context.getStartupFailure()).problems()).containsExactly(
            "form 'grant' offers save and return, but the application has no single ReturnLinkSender bean;"
                + " stp.forms.save-and-return.milestone=PROGRESS_SAVED needs forms-notify (org.stpkit:forms-notify)"
                + " on the class path to send with"));
  }
}

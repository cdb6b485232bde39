package org.stpkit.spring.forms;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.FormsException;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FileStore;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.ProgressStore;
import org.stpkit.forms.spi.ReturnLinkSender;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.forms.spi.VirusScanner;
import org.stpkit.formsnotify.NotifyReturnLinkSender;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.spring.StpConfigurationException;
import org.stpkit.spring.templates.StpTemplatesAutoConfiguration;
import org.stpkit.spring.templates.StpTemplatesProperties;
import org.stpkit.templates.GovukTemplates;

/**
 * Form definitions served as GOV.UK journeys: every definition under {@code stp.forms.locations}
 * (default {@code classpath:forms/*.yaml}) is checked at start-up (one bad file stops the service,
 * naming each problem's file and line), then served by its own forms-engine servlet at {@code
 * stp.forms.paths.<id>} (default {@code /<id>}). Completed forms go to the application's
 * {@link SubmissionHandler} bean; journeys are kept in the {@link AnswerStore} bean (in memory
 * unless the application defines its own). A form whose definition offers "Save and come back
 * later" gets the application's {@link SaveAndReturn} bean, or one made from {@code
 * stp.forms.save-and-return.*} with its {@link ProgressStore} and {@link ReturnLinkSender} beans
 * (the sender made from the notify starter's messenger when {@code milestone} is set); what is
 * missing stops the service at start-up, named.
 */
@AutoConfiguration(after = StpTemplatesAutoConfiguration.class)
@ConditionalOnClass({FormEngine.class, ServletRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "stp.forms.enabled", matchIfMissing = true)
@EnableConfigurationProperties({StpFormsProperties.class, StpTemplatesProperties.class})
public class StpFormsAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  AnswerStore stpFormsAnswerStore() {
    return new InMemoryAnswerStore(Clock.systemUTC());
  }

  @Bean
  ServedForms stpServedForms(ResourceLoader resources, StpFormsProperties properties, StpTemplatesProperties templates,
      ObjectProvider<SubmissionHandler> submissionHandler, AnswerStore answerStore,
      ObjectProvider<GovukTemplates> govukTemplates, ObjectProvider<FormObserver> observer,
      ObjectProvider<VirusScanner> virusScanner, ObjectProvider<FileStore> fileStore,
      ObjectProvider<SaveAndReturn> saveAndReturn, ObjectProvider<ProgressStore> progressStore,
      ObjectProvider<ReturnLinkSender> returnLinkSender) {
    Map<String, FormDefinition> definitions =
        FormDefinitionFiles.load(ResourcePatternUtils.getResourcePatternResolver(resources), properties.locations());
    // Checked for every form that offers it before any is served, so that every gap is reported at once.
    Map<String, SaveAndReturn> saving = FormsSaveAndReturn.forForms(definitions.values(), properties.paths(),
        properties.saveAndReturn(), saveAndReturn.getIfUnique(), progressStore.getIfUnique(),
        returnLinkSender.getIfUnique(), resources.getClassLoader());
    SubmissionHandler handler = submissionHandler.getIfUnique(() -> {
      throw new StpConfigurationException("No submission handler for the forms", List.of(
          "forms " + definitions.keySet() + " are served, but the application has no single SubmissionHandler bean"),
          "Define one @Bean of type org.stpkit.forms.spi.SubmissionHandler: it receives every completed form "
              + "(Submission.formId() says which).");
    });
    FormObserver observed = observer.getIfAvailable(() -> FormObserver.NONE);
    List<ServedForm> served = new ArrayList<>();
    for (FormDefinition definition : definitions.values()) {
      String path = properties.paths().getOrDefault(definition.id(), "/" + definition.id());
      FormEngine.Builder engine = FormEngine.builder(definition)
          .assetPath(templates.assetPath())
          .answerStore(answerStore)
          .sessionTimeout(properties.sessionTimeout())
          .submissionHandler(counted(definition.id(), handler, observed));
      govukTemplates.ifAvailable(engine::templates);
      // Forms with file questions need a VirusScanner bean; a FileStore bean replaces the temporary directory.
      virusScanner.ifAvailable(engine::virusScanner);
      fileStore.ifAvailable(engine::fileStore);
      Optional.ofNullable(saving.get(definition.id())).ifPresent(engine::saveAndReturn);
      try {
        served.add(new ServedForm(path, engine.mountPath(path).build()));
      } catch (IllegalArgumentException | FormsException e) {
        throw new StpConfigurationException("The form '" + definition.id() + "' cannot be served",
            List.of("stp.forms.paths." + definition.id() + "=" + path + ": " + e.getMessage()),
            "Give the form a path such as /" + definition.id() + ".", e);
      }
    }
    return new ServedForms(served);
  }

  /** One servlet registration per form, each mapped at its path. */
  @Bean
  ServletContextInitializer stpFormServlets(ServedForms forms, StpFormsProperties properties,
      ObjectProvider<FormObserver> observer) {
    FormObserver observed = observer.getIfAvailable(() -> FormObserver.NONE);
    return (ServletContext context) -> {
      for (ServedForm form : forms.forms()) {
        FormServlet servlet = FormServlet.builder(form.engine())
            .maxBodyBytes((int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes()))
            .maxFields(properties.maxFields())
            .build();
        ServletRegistrationBean<ObservedFormServlet> registration = new ServletRegistrationBean<>(
            new ObservedFormServlet(servlet, form.id(), observed), form.path() + "/*");
        registration.setName("stpForm-" + form.id());
        registration.setLoadOnStartup(1);
        try {
          registration.onStartup(context);
        } catch (ServletException e) {
          throw new IllegalStateException("Cannot register the form servlet for " + form.id(), e);
        }
      }
    };
  }

  private static SubmissionHandler counted(String formId, SubmissionHandler handler, FormObserver observer) {
    return submission -> {
      try {
        handler.submit(submission);
      } catch (RuntimeException e) {
        observer.submitted(formId, false);
        throw e;
      }
      observer.submitted(formId, true);
    };
  }

  /**
   * Save and return's links emailed through a milestone of the notify catalogue, when forms-notify
   * is on the class path, {@code stp.forms.save-and-return.milestone} is set and the application
   * sends them no other way.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({NotifyReturnLinkSender.class, MilestoneMessenger.class})
  static class NotifyReturnLinks {
    @Bean
    @ConditionalOnMissingBean(ReturnLinkSender.class)
    @ConditionalOnProperty("stp.forms.save-and-return.milestone")
    ReturnLinkSender stpFormsReturnLinkSender(StpFormsProperties properties, ObjectProvider<MilestoneMessenger> messenger) {
      String milestone = String.valueOf(properties.saveAndReturn().milestone());
      String property = "stp.forms.save-and-return.milestone=" + milestone;
      MilestoneMessenger sending = messenger.getIfUnique(() -> {
        throw new StpConfigurationException("Save and return's milestone has no messenger to send with", List.of(
            property + ": the application has no MilestoneMessenger bean to send the links with; add the notify"
                + " starter (org.stpkit:stp-spring-boot-starter-notify)"),
            "Add the notify starter and its catalogue, or define a ReturnLinkSender bean and remove the property.");
      });
      try {
        return NotifyReturnLinkSender.milestone(sending, milestone);
      } catch (IllegalArgumentException e) {
        throw new StpConfigurationException("Save and return's milestone is not in the catalogue",
            List.of(property + ": " + lowerFirst(e.getMessage())),
            "Add the milestone to the catalogue (stp.notify.catalogue), with an email message to the data's"
                + " 'email' and the link in 'link' (see forms-notify's NotifyReturnLinkSender), or name one it has.", e);
      }
    }

    private static String lowerFirst(String message) {
      return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
  }

  /** Page times and submissions as Micrometer meters, when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Metrics {
    @Bean
    FormMetrics stpFormMetrics() {
      return new FormMetrics();
    }
  }
}

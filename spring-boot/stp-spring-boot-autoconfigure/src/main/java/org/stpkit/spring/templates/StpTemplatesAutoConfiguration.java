package org.stpkit.spring.templates;

import freemarker.template.Configuration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.servlet.GovukAssetServlet;

/**
 * The GOV.UK templates in a Spring Boot service: a shared {@link GovukTemplates} bean, Spring's
 * FreeMarker configuration able to import {@code /govuk/all.ftlh}, {@code /govuk/template.ftlh}
 * and {@code /moj/all.ftlh}, and govuk-frontend's assets served by {@link GovukAssetServlet} at
 * {@code stp.templates.asset-path}. On when design-system-templates is on the class path, unless
 * {@code stp.templates.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(GovukTemplates.class)
@ConditionalOnBooleanProperty(name = "stp.templates.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StpTemplatesProperties.class)
public class StpTemplatesAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  GovukTemplates govukTemplates(StpTemplatesProperties properties) {
    return GovukTemplates.builder().validateParams(properties.validateParams()).build();
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(ServletRegistrationBean.class)
  @ConditionalOnBooleanProperty(name = "stp.templates.serve-assets", matchIfMissing = true)
  @ConditionalOnMissingBean(name = "govukAssetServlet")
  ServletRegistrationBean<GovukAssetServlet> govukAssetServlet(StpTemplatesProperties properties) {
    ServletRegistrationBean<GovukAssetServlet> registration =
        new ServletRegistrationBean<>(new GovukAssetServlet(), properties.assetPath() + "/*");
    registration.setName("govukAssetServlet");
    return registration;
  }

  /** Adds the kit's templates and helpers to the FreeMarker configuration Spring MVC's views use. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer")
  static class ViewTemplates {
    @Bean
    static BeanPostProcessor govukFreeMarkerViews() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof FreeMarkerConfigurer configurer) {
            GovukTemplates.configure(configurer.getConfiguration());
          }
          return bean;
        }
      };
    }
  }

  /** The same for a FreeMarker configuration outside Spring MVC (Boot's non-web FreeMarker bean). */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.ui.freemarker.FreeMarkerConfigurationFactoryBean")
  static class PlainTemplates {
    @Bean
    static BeanPostProcessor govukFreeMarkerConfiguration() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof Configuration configuration) {
            GovukTemplates.configure(configuration);
          }
          return bean;
        }
      };
    }
  }
}

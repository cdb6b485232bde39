package org.stpkit.spring.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.spring.StartupFailures.messages;

import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.servlet.GovukAssetServlet;

class StpTemplatesAutoConfigurationTest {
  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StpTemplatesAutoConfiguration.class));

  @Test
  void givesTheTemplatesAndServesTheAssetsAtAssets() {
    web.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(GovukTemplates.class);
      ServletRegistrationBean<?> assets = context.getBean("govukAssetServlet", ServletRegistrationBean.class);
      assertThat(assets.getServlet()).isInstanceOf(GovukAssetServlet.class);
      assertThat(assets.getUrlMappings()).containsExactly("/assets/*");
    });
  }

  @Test
  void theAssetPathAndServingThemAreConfigurable() {
    web.withPropertyValues("stp.templates.asset-path=/static/govuk").run(context -> assertThat(
        context.getBean("govukAssetServlet", ServletRegistrationBean.class).getUrlMappings())
        .containsExactly("/static/govuk/*"));
    web.withPropertyValues("stp.templates.serve-assets=false")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(GovukTemplates.class)
            .doesNotHaveBean("govukAssetServlet"));
  }

  @Test
  void isOffWithoutTheTemplatesOnTheClassPathOrWhenThePropertiesSaySo() {
    web.withClassLoader(new FilteredClassLoader(GovukTemplates.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("govukAssetServlet"));
    web.withPropertyValues("stp.templates.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GovukTemplates.class));
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StpTemplatesAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(GovukTemplates.class)
            .doesNotHaveBean("govukAssetServlet"));
  }

  @Test
  void springMvcsFreeMarkerViewsCanImportTheGovukMacros() {
    web.withBean(FreeMarkerConfigurer.class, FreeMarkerConfigurer::new).run(context -> {
      freemarker.template.Configuration configuration = context.getBean(FreeMarkerConfigurer.class).getConfiguration();
      freemarker.template.Template page = new freemarker.template.Template("page.ftlh",
          "<#ftl output_format=\"HTML\"><#import \"/govuk/all.ftlh\" as govuk><@govuk.govukButton text=\"Start now\" isStartButton=true/>", configuration);
      StringWriter html = new StringWriter();
      page.process(Map.of(), html);
      assertThat(html.toString()).contains("govuk-button--start", "Start now");
    });
  }

  @Test
  void aBadAssetPathStopsTheApplicationSayingWhatItShouldBe() {
    web.withPropertyValues("stp.templates.asset-path=/assets/").run(context -> assertThat(messages(context.getStartupFailure()))
        .anySatisfy(message -> assertThat(message).contains("must start with / and not end with /, such as /assets")));
  }
}

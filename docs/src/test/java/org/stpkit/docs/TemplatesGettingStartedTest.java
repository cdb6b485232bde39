package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;

/** The samples of docs/developers/templates.md, run. */
class TemplatesGettingStartedTest {
  @Test
  void rendersAComponentAndAPageFromJava() {
    // tag::render[]
    GovukTemplates templates = GovukTemplates.create();   // thread-safe: build once, share

    String input = templates.render("input", Map.of(
        "name", "email",
        "type", "email",
        "label", Map.of("text", "Email address"),
        "hint", Map.of("text", "We’ll only use this to send you a receipt")));

    String page = templates.renderPage(GovukPage.builder()
        .pageTitle("Apply for a licence - GOV.UK")
        .variable("serviceName", "Apply for a licence")
        .block("head", GovukAssets.stylesheetHtml("/assets"))
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty()))
        .content(input)
        .build());
    // end::render[]

    assertThat(input).contains("class=\"govuk-input\"", "We’ll only use this to send you a receipt");
    assertThat(page).contains("<title>Apply for a licence - GOV.UK</title>", "govuk-frontend.min.css", input);
  }

  @Test
  void rendersAServicesOwnFreemarkerTemplate() throws Exception {
    // tag::freemarker[]
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setClassForTemplateLoading(TemplatesGettingStartedTest.class, "/templates");
    freemarker.setRecognizeStandardFileExtensions(true);   // .ftlh: HTML auto-escaping
    GovukTemplates.configure(freemarker);                  // adds /govuk/... and the helpers

    Template template = freemarker.getTemplate("apply.ftlh");
    StringWriter html = new StringWriter();
    template.process(Map.of(), html);
    // end::freemarker[]

    assertThat(html.toString()).contains("<title>Apply for a licence - GOV.UK</title>",
        "What is your email address?", "class=\"govuk-button\"", "govuk-service-navigation");
  }

  @Test
  void tellsWhichAssetToServe() {
    // tag::assets[]
    Optional<GovukAssets.Asset> font = GovukAssets.find("fonts/bold-b542beb274-v2.woff2");
    // font.get().contentType() is "font/woff2"; cacheControl() lets browsers keep it a year
    // end::assets[]
    assertThat(font).get().extracting(GovukAssets.Asset::contentType).isEqualTo("font/woff2");
    assertThat(font.get().cacheControl()).contains("immutable");
  }
}

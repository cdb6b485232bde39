package org.stpkit.templates;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The README's examples, run: the Java API and a service's own .ftlh using the macros. */
class ReadmeExamplesTest {
  @Test
  void javaApiRendersAComponentAndAPage() {
    GovukTemplates templates = GovukTemplates.create();

    String html = templates.render("input", Map.of(
        "name", "email",
        "type", "email",
        "label", Map.of("text", "Email address"),
        "hint", Map.of("text", "We’ll only use this to send you a receipt")));

    String page = templates.renderPage(GovukPage.builder()
        .pageTitle("Apply for a licence - GOV.UK")
        .variable("serviceName", "Apply for a licence")
        .block("head", GovukAssets.stylesheetHtml("/assets"))
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty()))
        .content(html)
        .build());

    Document document = Jsoup.parse(page);
    assertThat(document.title()).isEqualTo("Apply for a licence - GOV.UK");
    assertThat(document.select("html").attr("lang")).isEqualTo("en");
    assertThat(document.select("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/govuk-frontend.min.css");
    assertThat(document.select("a.govuk-skip-link").attr("href")).isEqualTo("#main-content");
    assertThat(document.select(".govuk-service-navigation__service-name").text()).isEqualTo("Apply for a licence");
    assertThat(document.select("main#main-content input#email").attr("aria-describedby")).isEqualTo("email-hint");
    assertThat(document.select("footer.govuk-template__footer .govuk-footer")).hasSize(1);
    assertThat(document.select("script[type=module]")).hasSize(2);
  }

  @Test
  void serviceTemplatesUseTheMacrosAndTheLayout() throws Exception {
    StringTemplateLoader serviceTemplates = new StringTemplateLoader();
    serviceTemplates.putTemplate("apply.ftlh", String.join("\n",
        "<#import \"/govuk/all.ftlh\" as govuk>",
        "<#import \"/govuk/template.ftlh\" as layout>",
        "<#macro head><link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\"></#macro>",
        "<@layout.govukTemplate pageTitle=\"Apply for a licence - GOV.UK\" serviceName=\"Apply for a licence\" head=head htmlLang=\"cy\">",
        "  <@govuk.govukInput name=\"email\" type=\"email\" label={\"text\": \"Email address\", \"isPageHeading\": true}/>",
        "  <@govuk.govukButton text=\"Continue\"/>",
        "  <@govuk.govukFieldset legend={\"text\": \"Your address\"}>",
        "    <p class=\"govuk-body\">${who}</p>",
        "  </@govuk.govukFieldset>",
        "</@layout.govukTemplate>"));
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setTemplateLoader(serviceTemplates);
    freemarker.setRecognizeStandardFileExtensions(true);
    GovukTemplates.configure(freemarker);

    Template template = freemarker.getTemplate("apply.ftlh");
    StringWriter out = new StringWriter();
    template.process(Map.of("who", "<Ada & Grace>"), out);

    Document document = Jsoup.parse(out.toString());
    assertThat(document.select("html").attr("lang")).isEqualTo("cy");
    assertThat(document.select("head link[rel=stylesheet]")).hasSize(1);
    assertThat(document.select("h1.govuk-label-wrapper label[for=email]").text()).isEqualTo("Email address");
    assertThat(document.select("button.govuk-button").text()).isEqualTo("Continue");
    assertThat(document.select("fieldset legend").text()).isEqualTo("Your address");
    assertThat(document.select("fieldset p.govuk-body").text()).isEqualTo("<Ada & Grace>");
    assertThat(out.toString()).contains("&lt;Ada &amp; Grace&gt;");
  }

  @Test
  void mojComponentsFromJavaInAPageWithMojsAssets() {
    GovukTemplates templates = GovukTemplates.create();

    String timeline = templates.render("mojTimeline", Map.of("items", java.util.List.of(Map.of(
        "label", Map.of("text", "Application received"),
        "text", "Reference MOJ-1234-5678",
        "datetime", Map.of("timestamp", "2026-06-06T09:12:00.000Z", "type", "date"),
        "byline", Map.of("text", "Caseworker 1")))));
    String card = templates.render("interruptionCard", Map.of(
        "heading", "Are you sure you want to change this?",
        "primaryAction", Map.of("text", "Continue", "href", "/continue")),
        "<p>The referral will be cancelled.</p>");

    String page = templates.renderPage(GovukPage.builder()
        .pageTitle("Case 1234 - Manage a case")
        .block("head", GovukAssets.stylesheetHtml("/assets") + MojAssets.stylesheetHtml("/assets"))
        .block("headIcons", MojAssets.headIconsHtml("/assets"))
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty())
            + MojAssets.scriptHtml("/assets", Optional.empty()))
        .content(timeline + card)
        .build());

    Document document = Jsoup.parse(page);
    assertThat(document.select("link[rel=stylesheet]").eachAttr("href"))
        .containsExactly("/assets/govuk-frontend.min.css", "/assets/moj/moj-frontend.min.css");
    assertThat(document.select(".moj-timeline__title").text()).isEqualTo("Application received");
    assertThat(document.select(".moj-timeline__date time").text()).isEqualTo("6 June 2026");
    assertThat(document.select(".moj-interruption-card__body p").text()).isEqualTo("The referral will be cancelled.");
    assertThat(document.select("link[rel=apple-touch-icon]").first().attr("href")).startsWith("/assets/images/moj-");
    assertThat(document.select("script[type=module]")).hasSize(4);
  }

  @Test
  void serviceTemplatesCallMojComponentsByTheirMacroNames() throws Exception {
    StringTemplateLoader serviceTemplates = new StringTemplateLoader();
    serviceTemplates.putTemplate("case.ftlh", String.join("\n",
        "<#import \"/govuk/all.ftlh\" as govuk>",
        "<#import \"/moj/all.ftlh\" as moj>",
        "<@moj.mojBadge text=\"Urgent\" classes=\"moj-badge--red\"/>",
        "<@moj.mojSubNavigation label=\"Case\" items=[{\"text\": \"Details\", \"href\": \"#\", \"active\": true}, {\"text\": \"Notes\", \"href\": \"#notes\"}]/>",
        "<@moj.interruptionCard heading=\"Are you sure?\" primaryAction={\"text\": \"Continue\", \"href\": \"/continue\"}>",
        "  <p>${who} will be told.</p>",
        "</@moj.interruptionCard>"));
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setTemplateLoader(serviceTemplates);
    freemarker.setRecognizeStandardFileExtensions(true);
    GovukTemplates.configure(freemarker);

    StringWriter out = new StringWriter();
    freemarker.getTemplate("case.ftlh").process(Map.of("who", "<Ada>"), out);

    Document document = Jsoup.parse(out.toString());
    assertThat(document.select("span.moj-badge.moj-badge--red").text()).isEqualTo("Urgent");
    assertThat(document.select("nav.moj-sub-navigation a[aria-current=page]").text()).isEqualTo("Details");
    assertThat(document.select(".moj-interruption-card__body p").text()).isEqualTo("<Ada> will be told.");
    assertThat(out.toString()).contains("&lt;Ada&gt;");
  }
}

package org.stpkit.templates.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.MojAssets;
import org.stpkit.templates.fixtures.Fixture;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;

/**
 * Each visible fixture of govuk-frontend, and each visible case of the MoJ Frontend oracle,
 * rendered by our components inside our page template with the CSS and JavaScript loaded, checked
 * with axe-core in headless Chromium, as govuk-frontend's own accessibility tests do (WCAG
 * 2.0/2.1/2.2 A and AA and best practice, the region rule off). One browser and one server for
 * both. Writes target/accessibility-report.json and target/moj-accessibility-report.json.
 */
class FixtureAccessibilityIT {

  /** govuk-frontend's review app shows inverse components on its brand-blue background. */
  private static final String INVERSE_BACKGROUND =
      "<style>.app-template__body--inverse { background-color: #1d70b8; }</style>";

  /** MoJ's interruption card is white on blue, meant to fill the page: its own examples show it on a page of that blue. */
  private static final String INTERRUPTION_BACKGROUND =
      "<style>.govuk-template__body { background-color: #1d70b8; }</style>";

  /** The MoJ components that are a page's banner or content information: they go where a page puts them. */
  private static final Set<String> PAGE_HEADERS = Set.of("mojHeader", "pdsHeader");
  private static final Set<String> PAGE_FOOTERS = Set.of("pdsFooter");

  /** MoJ modules that MoJ Frontend's initAll() starts (it marks each element data-<module>-init). */
  private static final Set<String> STARTED_BY_INIT_ALL = Set.of(
      "moj-add-another", "moj-alert", "moj-button-menu", "moj-date-picker", "moj-multi-select",
      "moj-password-reveal", "pds-header", "moj-rich-text-editor", "moj-search-toggle", "moj-sortable-table");

  private static ChromeDriver chrome;
  private static FixturePageServer server;
  private static final GovukTemplates TEMPLATES = GovukTemplates.create();

  @BeforeAll
  static void start() throws Exception {
    chrome = Chromium.start();
    server = new FixturePageServer();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (chrome != null) {
      chrome.quit();
    }
  }

  @Test
  void everyVisibleFixturePassesAxeInsideThePageTemplate() throws Exception {
    List<Fixture> visible = Fixture.all().stream().filter(fixture -> !fixture.hidden()).toList();
    AxeReport axe = new AxeReport(AxeReport.GOVUK_RADIOS_ARIA_EXPANDED);
    for (Fixture fixture : visible) {
      chrome.get(server.publish("/" + fixture.id(), govukPage(fixture)));
      axe.check(chrome, fixture.id());
    }
    Path reportFile = axe.write("accessibility-report.json");

    assertThat(visible).hasSize(293);
    assertThat(axe.pages()).isEqualTo(293);
    assertThat(axe.violations()).as("axe violations (see %s)", reportFile).isEmpty();
  }

  @Test
  void everyVisibleMojCasePassesAxeWithMojsCssAndJavaScript() throws Exception {
    List<Fixture> visible = Fixture.moj().stream().filter(fixture -> !fixture.hidden()).toList();
    AxeReport axe = new AxeReport(AxeReport.GOVUK_RADIOS_ARIA_EXPANDED);
    List<String> notStarted = new ArrayList<>();
    for (Fixture fixture : visible) {
      chrome.get(server.publish("/" + fixture.id(), mojPage(fixture)));
      notStarted.addAll(modulesNotStarted(fixture));
      axe.check(chrome, fixture.id());
    }
    Path reportFile = axe.write("moj-accessibility-report.json");

    assertThat(visible).hasSizeGreaterThanOrEqualTo(TEMPLATES.mojComponents().size());
    assertThat(axe.pages()).isEqualTo(visible.size());
    assertThat(notStarted).as("MoJ modules MoJ's script did not start on our markup").isEmpty();
    assertThat(axe.violations()).as("axe violations (see %s)", reportFile).isEmpty();
  }

  /** The elements of a module initAll() starts that MoJ's script did not mark as started. */
  @SuppressWarnings("unchecked")
  private static List<String> modulesNotStarted(Fixture fixture) {
    List<String> modules = (List<String>) chrome.executeScript(
        "return Array.from(document.querySelectorAll('[data-module]'))"
            + ".filter(e => arguments[0].includes(e.dataset.module) && !e.hasAttribute('data-' + e.dataset.module + '-init'))"
            + ".map(e => e.dataset.module)", List.copyOf(STARTED_BY_INIT_ALL));
    return modules.stream().map(module -> fixture.id() + ": " + module).toList();
  }

  /**
   * Like govuk-frontend's review app, each example page has a visually hidden h1 naming it, unless
   * the example brings its own.
   */
  private static String heading(Fixture fixture) {
    if (fixture.html().contains("<h1")) {
      return "";
    }
    return "<h1 class=\"govuk-visually-hidden\">" + fixture.component() + ": " + fixture.name().replace("<", "&lt;") + "</h1>";
  }

  private static String render(Fixture fixture) {
    return fixture.caller().isPresent()
        ? TEMPLATES.render(fixture.macro(), fixture.options(), fixture.caller().get())
        : TEMPLATES.render(fixture.macro(), fixture.options());
  }

  private static String govukPage(Fixture fixture) {
    GovukPage.Builder page = GovukPage.builder()
        .pageTitle(fixture.id() + " - STP Kit accessibility check")
        .block("head", GovukAssets.stylesheetHtml("/assets") + INVERSE_BACKGROUND)
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty()))
        .content(heading(fixture) + render(fixture));
    Object bodyClasses = fixture.pageTemplateOptions().get("bodyClasses");
    if (bodyClasses != null) {
      page.variable("bodyClasses", bodyClasses);
    }
    return TEMPLATES.renderPage(page.build());
  }

  /**
   * A MoJ case in the page template with govuk-frontend's and MoJ Frontend's CSS and JavaScript
   * and MoJ's icons; a header or footer component as the page's own header or footer.
   */
  private static String mojPage(Fixture fixture) {
    String html = render(fixture);
    String head = GovukAssets.stylesheetHtml("/assets") + MojAssets.stylesheetHtml("/assets")
        + (fixture.macro().equals("interruptionCard") ? INTERRUPTION_BACKGROUND : "");
    GovukPage.Builder page = GovukPage.builder()
        .pageTitle(fixture.id() + " - STP Kit accessibility check")
        .block("head", head)
        .block("headIcons", MojAssets.headIconsHtml("/assets"))
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty())
            + MojAssets.scriptHtml("/assets", Optional.empty()));
    if (PAGE_HEADERS.contains(fixture.macro())) {
      page.block("header", html).content(heading(fixture));
    } else if (PAGE_FOOTERS.contains(fixture.macro())) {
      page.block("footer", html).content(heading(fixture));
    } else {
      page.content(heading(fixture) + html);
    }
    return TEMPLATES.renderPage(page.build());
  }
}

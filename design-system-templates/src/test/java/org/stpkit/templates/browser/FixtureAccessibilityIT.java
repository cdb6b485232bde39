package org.stpkit.templates.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.fixtures.Fixture;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;

/**
 * Each of govuk-frontend's visible fixtures, rendered by our macros inside our page template with
 * the CSS and JavaScript loaded, checked with axe-core in headless Chromium, as govuk-frontend's own
 * accessibility tests do (WCAG 2.0/2.1/2.2 A and AA and best practice, the region rule off).
 * Writes target/accessibility-report.json.
 */
class FixtureAccessibilityIT {

  /** govuk-frontend's review app shows inverse components on its brand-blue background. */
  private static final String INVERSE_BACKGROUND =
      "<style>.app-template__body--inverse { background-color: #1d70b8; }</style>";

  @Test
  void everyVisibleFixturePassesAxeInsideThePageTemplate() throws Exception {
    GovukTemplates templates = GovukTemplates.create();
    List<Fixture> visible = Fixture.all().stream().filter(fixture -> !fixture.hidden()).toList();
    AxeReport axe = new AxeReport(AxeReport.GOVUK_RADIOS_ARIA_EXPANDED);
    ChromeDriver chrome = Chromium.start();
    try (FixturePageServer server = new FixturePageServer()) {
      for (Fixture fixture : visible) {
        chrome.get(server.publish("/" + fixture.id(), page(templates, fixture)));
        axe.check(chrome, fixture.id());
      }
    } finally {
      chrome.quit();
    }
    Path reportFile = axe.write("accessibility-report.json");

    assertThat(visible).hasSize(293);
    assertThat(axe.pages()).isEqualTo(293);
    assertThat(axe.violations()).as("axe violations (see %s)", reportFile).isEmpty();
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

  private static String page(GovukTemplates templates, Fixture fixture) {
    GovukPage.Builder page = GovukPage.builder()
        .pageTitle(fixture.id() + " - STP Kit accessibility check")
        .block("head", GovukAssets.stylesheetHtml("/assets") + INVERSE_BACKGROUND)
        .block("bodyEnd", GovukAssets.scriptHtml("/assets", Optional.empty()))
        .content(heading(fixture) + templates.render(fixture.component(), fixture.options()));
    Object bodyClasses = fixture.pageTemplateOptions().get("bodyClasses");
    if (bodyClasses != null) {
      page.variable("bodyClasses", bodyClasses);
    }
    return templates.renderPage(page.build());
  }
}

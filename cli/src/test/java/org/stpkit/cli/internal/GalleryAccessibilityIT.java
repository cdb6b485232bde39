package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.stpkit.cli.internal.web.LocalServer;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;

/**
 * The gallery as a user sees it: its index and every component page of both families (and the
 * pages of page-level components' further examples), served by {@code stp gallery} with the CSS and JavaScript loaded,
 * checked with axe-core in headless Chromium (WCAG 2.0/2.1/2.2 A and AA and best practice, the
 * region rule off). Writes target/gallery-accessibility-report.json.
 */
class GalleryAccessibilityIT {
  private static final String TITLE = " - STP Kit component gallery";

  @Test
  void indexAndEveryComponentPagePassAxe() throws Exception {
    List<String> components = GalleryTest.pages();
    AxeReport axe = new AxeReport(AxeReport.GOVUK_RADIOS_ARIA_EXPANDED);
    List<String> notServed = new ArrayList<>();
    ChromeDriver chrome = Chromium.start();
    LocalServer server = null;
    try {
      server = GalleryCommand.start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + server.port();
      check(chrome, axe, notServed, base + "/", "Components", "index");
      for (String component : components) {
        check(chrome, axe, notServed, base + "/components/" + component, component, component);
      }
      for (java.util.Map.Entry<String, String> example : GalleryTest.examplePages().entrySet()) {
        check(chrome, axe, notServed, base + example.getKey(), example.getValue(), example.getKey());
      }
    } finally {
      chrome.quit();
      if (server != null) {
        server.close();
      }
    }
    Path reportFile = axe.write("gallery-accessibility-report.json");

    assertThat(notServed).as("pages the gallery did not serve").isEmpty();
    assertThat(axe.pages()).isEqualTo(components.size() + 1 + GalleryTest.examplePages().size());
    assertThat(axe.violations()).as("axe violations (see %s)", reportFile).isEmpty();
  }

  private static void check(ChromeDriver chrome, AxeReport axe, List<String> notServed, String url, String title,
      String page) {
    chrome.get(url);
    if (!(title + TITLE).equals(chrome.getTitle())) {
      notServed.add(page + " (title was \"" + chrome.getTitle() + "\")");
      return;
    }
    axe.check(chrome, page);
  }
}

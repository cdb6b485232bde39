package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;
import org.stpkit.testsupport.TestWebServer;

/**
 * The built site (docs/target/site, made by stp docs --build in this module's build) as readers get
 * it, in one headless Chromium for the whole run: every page from a plain static server, checked
 * with axe-core (WCAG 2.0/2.1/2.2 A and AA, best practice, region off; the report is
 * target/accessibility-report.json), and the search working both from that server and from the
 * files themselves.
 */
class SiteIT {
  private static final Path SITE = Path.of(System.getProperty("stp.site", "target/site"));

  private static ChromeDriver chrome;
  private static TestWebServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    chrome = Chromium.start();
    server = TestWebServer.files(SITE);
    base = server.url("/");
  }

  @AfterAll
  static void stop() throws Exception {
    if (chrome != null) {
      chrome.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static List<String> pages() throws IOException {
    try (Stream<Path> files = Files.walk(SITE)) {
      return files.filter(file -> file.toString().endsWith(".html"))
          .map(file -> SITE.relativize(file).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Test
  void everyPagePassesAxe() throws Exception {
    List<String> pages = pages();
    assertThat(pages).contains("index.html", "search.html", "reference/cli.html", "adr/index.html").hasSizeGreaterThan(25);
    AxeReport axe = new AxeReport(AxeReport.GOVUK_RADIOS_ARIA_EXPANDED);
    List<String> untitled = new ArrayList<>();
    for (String page : pages) {
      chrome.get(base + page);
      if (!chrome.getTitle().endsWith(" - STP Kit documentation")) {
        untitled.add(page + " (title \"" + chrome.getTitle() + "\")");
        continue;
      }
      axe.check(chrome, page);
    }
    Path report = axe.write("accessibility-report.json");

    assertThat(untitled).as("pages not served as documentation pages").isEmpty();
    assertThat(axe.pages()).isEqualTo(pages.size());
    assertThat(axe.violations()).as("axe violations (see %s)", report).isEmpty();
  }

  @Test
  void searchFindsPagesFromAStaticServer() {
    chrome.get(base + "index.html");
    WebElement box = chrome.findElement(By.id("site-search"));
    box.sendKeys("threshold");
    box.submit();
    List<WebElement> results = waitForResults();
    assertThat(chrome.getCurrentUrl()).contains("search.html?q=threshold");
    assertThat(results).extracting(WebElement::getText).anyMatch(text -> text.startsWith("A JML run refused by a threshold"));
    assertThat(chrome.findElement(By.id("search-status")).getText()).endsWith("match ‘threshold’");
    assertThat(chrome.findElement(By.id("search-all-pages")).isDisplayed()).isFalse();

    // Results follow the query as it is typed.
    WebElement query = chrome.findElement(By.id("search-query"));
    query.clear();
    query.sendKeys("nothing-is-called-this");
    new WebDriverWait(chrome, Duration.ofSeconds(5)).until(driver ->
        driver.findElement(By.id("search-status")).getText().startsWith("No pages match"));
  }

  @Test
  void searchWorksFromTheFilesThemselves() {
    chrome.get(SITE.toAbsolutePath().resolve("search.html").toUri() + "?q=personal+data");
    List<WebElement> results = waitForResults();
    assertThat(results).extracting(WebElement::getText).anyMatch(text -> text.startsWith("Personal data"));
    // A result's link leads to the page, in the files too.
    results.get(0).findElement(By.tagName("a")).click();
    assertThat(chrome.getCurrentUrl()).startsWith("file:").contains(".html");
    assertThat(chrome.getTitle()).endsWith(" - STP Kit documentation");
  }

  @Test
  void withoutJavaScriptTheSearchPageListsEveryPage() throws IOException {
    String html = Files.readString(SITE.resolve("search.html"));
    for (String page : pages()) {
      if (!page.equals("search.html")) {
        assertThat(html).as("search.html lists %s", page).contains("href=\"" + page + "\"");
      }
    }
  }

  private static List<WebElement> waitForResults() {
    return new WebDriverWait(chrome, Duration.ofSeconds(10)).until(driver -> {
      List<WebElement> items = driver.findElements(By.cssSelector("#search-results-list > li"));
      return items.isEmpty() ? null : items;
    });
  }
}

package org.stpkit.testsupport;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on pages as govuk-frontend's own accessibility tests do (WCAG 2.0, 2.1 and 2.2 A
 * and AA, best practice; the {@code region} rule off) and collects the violations into a report:
 * {@code {"pages": N, "violations": N, "tags": [...], "details": [...]}}.
 */
public final class AxeReport {
  public static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Map<String, Object>> details = new ArrayList<>();
  private int pages;

  /** Checks the page the driver has loaded; {@code page} names it in the report. */
  public void check(WebDriver driver, String page) {
    Results results = new AxeBuilder().withTags(TAGS).disableRules(List.of("region")).analyze(driver);
    pages++;
    for (Rule rule : results.getViolations()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("page", page);
      detail.put("rule", rule.getId());
      detail.put("impact", rule.getImpact());
      detail.put("help", rule.getHelp());
      detail.put("nodes", rule.getNodes().stream().map(CheckedNode::getHtml).toList());
      details.add(detail);
    }
  }

  public int pages() {
    return pages;
  }

  /** One entry per violated rule per page. */
  public List<Map<String, Object>> violations() {
    return List.copyOf(details);
  }

  /** Writes the report as JSON (to {@code target/<name>} unless {@code stp.reportDir} says otherwise). */
  public Path write(String fileName) throws IOException {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("pages", pages);
    report.put("violations", details.size());
    report.put("tags", TAGS);
    report.put("details", details);
    Path file = Path.of(System.getProperty("stp.reportDir", "target"), fileName);
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), report);
    return file;
  }
}

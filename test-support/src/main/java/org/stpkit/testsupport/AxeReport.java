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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on pages as govuk-frontend's own accessibility tests do (WCAG 2.0, 2.1 and 2.2 A
 * and AA, best practice; the {@code region} rule off) and collects the violations into a report:
 * {@code {"pages": N, "violations": N, "tags": [...], "details": [...], "govukFrontendKnownIssues": [...]}}.
 */
public final class AxeReport {
  public static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

  private static final int INJECTION_ATTEMPTS = 4;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A violation that govuk-frontend itself causes and has decided to keep: reported with its reason,
   * not counted.
   */
  public record KnownIssue(String rule, String nodeHtmlContains, String reason) {}

  /**
   * govuk-frontend's radios.mjs sets aria-expanded on radios that reveal conditional questions;
   * ARIA does not allow it on role radio. Upstream keeps it on purpose (alphagov/govuk-frontend
   * issues 979 and 2823): screen readers announce the reveal.
   */
  public static final KnownIssue GOVUK_RADIOS_ARIA_EXPANDED = new KnownIssue(
      "aria-allowed-attr",
      "govuk-radios__input",
      "govuk-frontend's radios.mjs sets aria-expanded on radios that reveal conditional content; "
          + "upstream keeps it on purpose (alphagov/govuk-frontend#979, #2823)");

  private final List<Map<String, Object>> details = new ArrayList<>();
  private final List<Map<String, Object>> known = new ArrayList<>();
  private final List<KnownIssue> knownIssues;
  private int pages;

  /** A report that counts every violation except these known govuk-frontend issues. */
  public AxeReport(KnownIssue... knownIssues) {
    this.knownIssues = List.of(knownIssues);
  }

  /** Checks the page the driver has loaded; {@code page} names it in the report. */
  public void check(WebDriver driver, String page) {
    Results results = analyze(driver, page);
    pages++;
    for (Rule rule : results.getViolations()) {
      List<String> nodes = rule.getNodes().stream().map(CheckedNode::getHtml).toList();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("page", page);
      detail.put("rule", rule.getId());
      detail.put("impact", rule.getImpact());
      detail.put("help", rule.getHelp());
      detail.put("nodes", nodes);
      KnownIssue issue = knownIssues.stream()
          .filter(k -> k.rule().equals(rule.getId()) && nodes.stream().allMatch(html -> html.contains(k.nodeHtmlContains())))
          .findFirst().orElse(null);
      if (issue == null) {
        details.add(detail);
      } else {
        detail.put("reason", issue.reason());
        known.add(detail);
      }
    }
  }

  /**
   * axe's Selenium builder sets the page-load timeout to one second while it injects its script
   * (so that a frame that never loads cannot hang it), and Chromium's renderer can take longer to
   * answer on a machine whose cores are busy: a timeout there says nothing about the page, so the
   * whole analysis is run again, a few times at most.
   */
  private static Results analyze(WebDriver driver, String page) {
    for (int attempt = 1; ; attempt++) {
      try {
        return new AxeBuilder().withTags(TAGS).disableRules(List.of("region")).analyze(driver);
      } catch (RuntimeException e) {
        if (attempt == INJECTION_ATTEMPTS || !timedOut(e)) {
          throw new IllegalStateException("axe could not analyse " + page + " (attempt " + attempt + ")", e);
        }
      }
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  public int pages() {
    return pages;
  }

  /** Violations govuk-frontend itself causes, each with its reason; not counted as violations. */
  public List<Map<String, Object>> knownIssues() {
    return List.copyOf(known);
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
    report.put("govukFrontendKnownIssues", known);
    Path file = Path.of(System.getProperty("stp.reportDir", "target"), fileName);
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), report);
    return file;
  }
}

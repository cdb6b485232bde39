package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.AccessReview;
import org.stpkit.idam.AccessRule;
import org.stpkit.idam.AttributeMatch;
import org.stpkit.idam.Grant;
import org.stpkit.idam.Grants;
import org.stpkit.idam.ManagedUser;
import org.stpkit.testsupport.AxeReport;
import org.stpkit.testsupport.Chromium;

/**
 * The access review page in headless Chromium: its summary and people as a reviewer reads them, and
 * axe-core's WCAG 2.2 AA checks passed. (The review itself is read from a real Keycloak by
 * IdamCommandIT; here its content is made by hand so that every flag shows.)
 */
class AccessReviewPageIT {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

  @TempDir
  Path folder;

  static AccessReview review() {
    AccessPolicy policy = AccessPolicy.builder().attributes(List.of("department")).deleteLeaversAfter(Period.ofDays(30))
        .rule(new AccessRule("Everyone", List.of(), Grants.of(Grant.group("/staff"))))
        .rule(new AccessRule("Visas caseworkers", List.of(AttributeMatch.equalTo("department", "Visas")),
            Grants.of(Grant.realmRole("caseworker"))))
        .build();
    Map<String, List<String>> visas = Map.of("employeeNumber", List.of("E1"), "department", List.of("Visas"),
        "stp-managed-by", List.of("stp-idam"), "stp-status", List.of("active"),
        "stp-granted", List.of("group:/staff", "realm-role:caseworker"));
    Map<String, List<String>> disabled = Map.of("employeeNumber", List.of("E2"), "department", List.of("Asylum <&>"),
        "stp-managed-by", List.of("stp-idam"), "stp-status", List.of("active"), "stp-granted", List.of("group:/staff"));
    Map<String, List<String>> leaver = Map.of("employeeNumber", List.of("E3"), "stp-managed-by", List.of("stp-idam"),
        "stp-status", List.of("leaver"), "stp-left-on", List.of("2026-11-01"));
    return AccessReview.of(policy, List.of(
        new ManagedUser("1", "ada", true, "Ada", "Lovelace", "ada@example.gov.uk", visas,
            Grants.of(Grant.group("/staff"), Grant.realmRole("caseworker"), Grant.realmRole("auditor"))),
        new ManagedUser("2", "bo", false, "Bo", "Jones", "", disabled, Grants.of(Grant.group("/staff"))),
        new ManagedUser("3", "cy", false, "Cy", "Smith", "", leaver, Grants.NONE)), DAY);
  }

  @Test
  void theReviewPageShowsTheSummaryAndEveryPersonAndPassesAxe() throws Exception {
    Path page = Files.writeString(folder.resolve("access-review.html"), AccessReviewPage.render(review(), "stp-idam"));
    AxeReport axe = new AxeReport();
    ChromeDriver chrome = Chromium.start();
    try {
      chrome.get(page.toUri().toString());
      assertThat(chrome.getTitle()).isEqualTo("Access review for 2026-11-22 - stp-idam");
      String text = chrome.findElement(By.tagName("main")).getText();
      assertThat(text).contains("People managed 3", "With access granted by hand 1", "Disabled by hand 1",
          "Leavers awaiting deletion 1", "Asylum <&>", "realm-role:auditor (granted by hand)",
          "realm-role:caseworker (by rule: Visas caseworkers)", "Deleted on 2026-12-01");
      axe.check(chrome, "access-review");
    } finally {
      chrome.quit();
    }
    Path report = axe.write("access-review-accessibility-report.json");
    assertThat(axe.violations()).as("axe violations (see %s)", report).isEmpty();
  }
}

package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.MojAssets;

/** The samples of docs/developers/moj.md, run. */
class MojComponentsTest {
  @Test
  void rendersMojComponentsInAPageWithTheirAssets() {
    GovukTemplates templates = GovukTemplates.create();
    // tag::moj[]
    String timeline = templates.render("mojTimeline", Map.of("items", List.of(Map.of(
        "label", Map.of("text", "Application received"),
        "text", "Reference MOJ-1234-5678",
        "datetime", Map.of("timestamp", "2026-06-06T09:12:00.000Z", "type", "date"),
        "byline", Map.of("text", "Caseworker 1")))));

    // Nunjucks' {% call %}: the nested content is the last argument.
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
    // end::moj[]

    assertThat(timeline).contains("moj-timeline", "Application received", "Caseworker 1");
    assertThat(card).contains("Are you sure you want to change this?", "The referral will be cancelled.");
    assertThat(page).contains(timeline, card, "<title>Case 1234 - Manage a case</title>");
    assertThat(templates.mojComponents()).contains("mojTimeline", "interruptionCard");
  }
}

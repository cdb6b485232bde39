package org.stpkit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong input gets an error naming the component and the param path, never a template trace. */
class BadInputTest {
  private final GovukTemplates templates = GovukTemplates.create();

  @Test
  void rejectsUnknownComponentListingTheKnownOnes() {
    assertThatThrownBy(() -> templates.render("imput", Map.of()))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("Unknown component 'imput'")
        .hasMessageContaining("input, inset-text")
        .asInstanceOf(type(TemplateRenderingException.class))
        .satisfies(e -> assertThat(e.component()).contains("imput"));
  }

  @Test
  void rejectsStringWhereObjectIsExpectedNamingThePath() {
    assertThatThrownBy(() -> templates.render("input", Map.of("name", "email", "label", "Email")))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessage("input: param 'label' must be an object but was the string \"Email\"")
        .asInstanceOf(type(TemplateRenderingException.class))
        .satisfies(e -> assertThat(e.paramPath()).contains("label"));
  }

  @Test
  void namesTheIndexOfABadItem() {
    Map<String, Object> params = Map.of(
        "name", "colour",
        "items", List.of(Map.of("value", "red", "text", "Red"), "blue"));
    assertThatThrownBy(() -> templates.render("radios", params))
        .hasMessage("radios: param 'items[1]' must be an object but was the string \"blue\"");
  }

  @Test
  void rejectsObjectWhereStringIsExpectedInsideNestedParams() {
    Map<String, Object> params = Map.of(
        "name", "email",
        "label", Map.of("text", "Email"),
        "hint", Map.of("text", Map.of("en", "We will email you")));
    assertThatThrownBy(() -> templates.render("input", params))
        .hasMessage("input: param 'hint.text' must be a string but was an object");
  }

  @Test
  void rejectsArrayWhereObjectIsExpected() {
    assertThatThrownBy(() -> templates.render("input", Map.of("name", "email", "label", List.of("Email"))))
        .hasMessage("input: param 'label' must be an object but was an array");
  }

  @Test
  void rejectsMissingRequiredParams() {
    assertThatThrownBy(() -> templates.render("input", Map.of("label", Map.of("text", "Email"))))
        .hasMessage("input: param 'name' is required");
    assertThatThrownBy(() -> templates.render("summary-list", Map.of("rows", List.of(Map.of("value", Map.of("text", "x"))))))
        .hasMessage("summary-list: param 'rows[0].key' is required");
  }

  @Test
  void rejectsNonNumericIntegers() {
    assertThatThrownBy(() -> templates.render("panel", Map.of("titleText", "Done", "headingLevel", "top")))
        .hasMessage("panel: param 'headingLevel' must be a heading level from 1 to 6 but was the string \"top\"");
  }

  @Test
  void namesTheRowAndCellOfABadTableCell() {
    Map<String, Object> params = Map.of("rows", List.of(
        List.of(Map.of("text", "a"), Map.of("text", "b")),
        List.of(Map.of("text", "c"), Map.of("text", List.of("d")))));
    assertThatThrownBy(() -> templates.render("table", params))
        .hasMessage("table: param 'rows[1][1].text' must be a string but was an array");
    assertThatThrownBy(() -> templates.render("table", Map.of("rows", List.of("a row"))))
        .hasMessage("table: param 'rows[0]' must be an array of cells but was the string \"a row\"");
  }

  @Test
  void checksTheParamsOfANestedComponentInsideItems() {
    Map<String, Object> params = Map.of(
        "name", "contact",
        "items", List.of(
            Map.of("value", "email", "text", "Email"),
            Map.of("value", "phone", "text", "Phone", "hint", Map.of("text", "Mobile", "id", List.of()))));
    assertThatThrownBy(() -> templates.render("radios", params))
        .hasMessage("radios: param 'items[1].hint.id' must be a string but was an array");
  }

  @Test
  void requiredParamsWithATemplateDefaultMayBeLeftOut() {
    // govuk-frontend documents these as required, yet its own fixtures leave them out.
    assertThat(templates.render("back-link", Map.of())).contains("href=\"#\"");
    assertThat(templates.render("radios", Map.of("name", "a", "items", List.of(Map.of("text", "A")))))
        .contains("govuk-radios__input");
    assertThatThrownBy(() -> templates.render("character-count", Map.of("maxlength", 10)))
        .hasMessage("character-count: param 'name' is required");
  }

  @Test
  void acceptsWholeNumbersAsStringsButNotOtherText() {
    assertThat(templates.render("table", Map.of("rows", List.of(List.of(Map.of("text", "a", "colspan", " 2 "))))))
        .contains("colspan=\" 2 \"");
    assertThat(templates.render("table", Map.of("rows", List.of(List.of(Map.of("text", "a", "rowspan", 3))))))
        .contains("rowspan=\"3\"");
    assertThatThrownBy(() -> templates.render("table", Map.of("rows", List.of(List.of(Map.of("text", "a", "colspan", "2.5"))))))
        .hasMessage("table: param 'rows[0][0].colspan' must be a whole number but was the string \"2.5\"");
    assertThatThrownBy(() -> templates.render("table", Map.of("rows", List.of(List.of(Map.of("text", "a", "colspan", "-"))))))
        .hasMessage("table: param 'rows[0][0].colspan' must be a whole number but was the string \"-\"");
  }

  @Test
  void unknownPageVariableOrBlockIsRejectedByName() {
    assertThatThrownBy(() -> GovukPage.builder().variable("serviceTitle", "x"))
        .hasMessageStartingWith("The page template has no variable 'serviceTitle'");
    assertThatThrownBy(() -> GovukPage.builder().block("contents", "x"))
        .hasMessageStartingWith("The page template has no block 'contents'");
  }

  @Test
  void mojComponentsAreNamedByMacroAndTheErrorListsThem() {
    assertThat(templates.render("mojBadge", Map.of("text", "Urgent"))).contains("moj-badge");
    assertThat(templates.render("govukTag", Map.of("text", "Done"))).contains("govuk-tag");
    // "pagination" is govuk-frontend's; MoJ's is only reachable by its macro name.
    assertThat(templates.render("pagination", Map.of("items", List.of(Map.of("number", 1, "href", "#"), Map.of("number", 2, "href", "#")))))
        .doesNotContain("moj-pagination");
    assertThatThrownBy(() -> templates.render("timeline", Map.of()))
        .hasMessageContaining("Unknown component 'timeline'")
        .hasMessageContaining("mojTimeline, pdsFooter");
  }

  @Test
  void namesTheMojMacroAndThePathOfABadParam() {
    Map<String, Object> params = Map.of("items", List.of(Map.of(
        "label", Map.of("text", "Sent"), "datetime", Map.of("timestamp", List.of("2026-01-01")))));
    assertThatThrownBy(() -> templates.render("mojTimeline", params))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessage("mojTimeline: param 'items[0].datetime.timestamp' must be a string but was an array")
        .asInstanceOf(type(TemplateRenderingException.class))
        .satisfies(e -> assertThat(e.component()).contains("mojTimeline"));
  }

  @Test
  void checksGovukButtonParamsInsideAMojButtonMenu() {
    Map<String, Object> params = Map.of("items", List.of(Map.of("text", "Assign", "attributes", List.of("x"))));
    assertThatThrownBy(() -> templates.render("mojButtonMenu", params))
        .hasMessage("mojButtonMenu: param 'items[0].attributes' must be an object but was an array");
  }

  @Test
  void rejectsAMojHeadingLevelOutsideOneToSix() {
    Map<String, Object> params = Map.of("heading", Map.of("text", "Case", "level", "7"));
    assertThatThrownBy(() -> templates.render("mojPageHeaderActions", params))
        .hasMessage("mojPageHeaderActions: param 'heading.level' must be a heading level from 1 to 6 but was the string \"7\"");
  }

  @Test
  void anInterruptionCardNeedsItsBodyAsNestedContent() {
    Map<String, Object> params = Map.of("heading", "Are you sure?", "primaryAction", Map.of("text", "Continue"));
    assertThatThrownBy(() -> templates.render("interruptionCard", params))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageStartingWith("interruptionCard: the card's body is its nested content");
    assertThat(templates.render("interruptionCard", params, "<p>Body</p>")).contains("<p>Body</p>");
  }
}

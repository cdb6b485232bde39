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
  void unknownPageVariableOrBlockIsRejectedByName() {
    assertThatThrownBy(() -> GovukPage.builder().variable("serviceTitle", "x"))
        .hasMessageStartingWith("The page template has no variable 'serviceTitle'");
    assertThatThrownBy(() -> GovukPage.builder().block("contents", "x"))
        .hasMessageStartingWith("The page template has no block 'contents'");
  }
}

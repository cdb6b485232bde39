package org.stpkit.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact file of documented params the build writes ({@code src/build/compact-macro-options.js})
 * holds, for every component, exactly what its {@code macro-options.json} (or the kit's MoJ
 * transcription) documents, prose aside; and {@link MacroOptions} reads every component from it.
 */
class CompactMacroOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyComponentsDocumentedOptionsAreInTheCompactFileAsTheJsonGivesThem() throws IOException {
    Map<String, List<String>> documented = new LinkedHashMap<>();
    for (ComponentRegistry.Entry entry : ComponentRegistry.all()) {
      String resource = entry.family() == ComponentRegistry.Family.GOVUK
          ? "macro-options/" + entry.name() + "/macro-options.json"
          : "moj-macro-options/" + entry.name() + ".json";
      try (InputStream in = MacroOptions.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        List<String> lines = new ArrayList<>();
        describe(JSON.readTree(in), 0, lines);
        documented.put(entry.name(), lines);
      }
    }
    assertThat(documented).hasSize(67);
    assertThat(compactFile()).isEqualTo(documented);
    assertThat(documented.get("checkboxes")).contains("0\titems\tarray\trp\t", "1\thint\tobject\tc\t");
  }

  @Test
  void everyComponentsOptionsLoad() {
    for (ComponentRegistry.Entry entry : ComponentRegistry.all()) {
      assertThat(MacroOptions.load(entry.name()).params()).as(entry.name()).isNotEmpty();
    }
    MacroOptions.Param hint = MacroOptions.load("checkboxes").params().stream()
        .filter(param -> param.name().equals("hint")).findFirst().orElseThrow();
    assertThat(hint.alternatives().get(0).nested().params()).extracting(MacroOptions.Param::name)
        .contains("text", "html", "id", "classes", "attributes");
  }

  /** The compact file's lines, by component. */
  private static Map<String, List<String>> compactFile() throws IOException {
    Map<String, List<String>> byComponent = new LinkedHashMap<>();
    try (InputStream in = MacroOptions.class.getResourceAsStream("macro-options.tsv")) {
      assertThat(in).as("macro-options.tsv in the build's output").isNotNull();
      List<String> current = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (line.startsWith("@")) {
          current = new ArrayList<>();
          byComponent.put(line.substring(1), current);
        } else {
          current.add(line);
        }
      }
    }
    return byComponent;
  }

  /** The options as the compact file's format writes them, read here from the JSON with databind. */
  private static void describe(JsonNode options, int depth, List<String> lines) {
    for (JsonNode option : options) {
      if (!option.isObject()) {
        continue;
      }
      String flags = (isTrue(option.path("required")) ? "r" : "") + (isTrue(option.path("isComponent")) ? "c" : "")
          + (isTrue(option.path("isHeadingLevel")) ? "h" : "") + (option.path("params").isArray() ? "p" : "");
      lines.add(depth + "\t" + text(option.path("name")) + "\t" + text(option.path("type")) + "\t" + flags + "\t"
          + text(option.path("component")));
      if (option.path("params").isArray()) {
        describe(option.path("params"), depth + 1, lines);
      }
    }
  }

  private static boolean isTrue(JsonNode value) {
    return value.isBoolean() && value.booleanValue();
  }

  private static String text(JsonNode value) {
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}

package org.stpkit.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stpkit.templates.fixtures.Fixture;

/**
 * Every text-like param of every component (from its macro-options.json), set to a hostile string on
 * top of the component's first fixture, comes out escaped: no element or attribute is injected and
 * where the text appears it appears whole. Every html param comes out as given. MoJ Frontend's
 * components likewise, on top of their first oracle case, except where MoJ's own templates do
 * otherwise (listed with the reason; the oracle holds us to the same output).
 */
class EscapingTest {
  private static final String HOSTILE = "STPX<script>alert(\"x&y\")</script>'\" onmouseover=\"alert(1)\" \\ é ✓ &amp;";
  private static final String HTML = "<b class=\"stp-html-marker\">trusted &amp; bold</b>";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Params MoJ Frontend's own templates print the other way round from their names: the oracle's
   * cases check that we print them exactly as MoJ does.
   */
  private static final Map<String, String> MOJ_UPSTREAM = Map.of(
      "mojAddAnother id", "MoJ writes ('id=\"' + params.id + '\"') | safe: the id is not escaped",
      "mojCurrencyInput currencyLabel.text", "MoJ's `text | default(\"&pound;\") | safe` binds the safe filter to text",
      "mojCurrencyInput currencyLabel.html", "so, by precedence, MoJ escapes the html branch");

  private final GovukTemplates templates = GovukTemplates.create();

  @TestFactory
  Stream<DynamicTest> textParamsAreEscapedAndHtmlParamsAreNot() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String component : templates.components()) {
      Map<String, Object> base = Fixture.of(component).get(0).options();
      for (ParamPath param : stringParams(component)) {
        tests.add(DynamicTest.dynamicTest(component + " " + param.path, () -> check(component, base, param)));
      }
      tests.add(DynamicTest.dynamicTest(component + " attributes", () -> {
        Map<String, Object> params = deepCopy(base);
        params.put("attributes", Map.of("data-stp", HOSTILE));
        assertSafe(component, "attributes.data-stp", templates.render(component, params));
      }));
    }
    assertThat(tests).hasSizeGreaterThan(400);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> mojTextParamsAreEscapedAndHtmlParamsAreNot() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Fixture> cases = Fixture.moj();
    List<String> upstreamSeen = new ArrayList<>();
    for (String macro : templates.mojComponents()) {
      Fixture first = cases.stream().filter(c -> c.macro().equals(macro)).findFirst().orElseThrow();
      for (ParamPath param : stringParams("internal/moj-macro-options/" + macro + ".json", macro)) {
        String key = macro + " " + param.path;
        if (MOJ_UPSTREAM.containsKey(key)) {
          upstreamSeen.add(key);
          continue;
        }
        tests.add(DynamicTest.dynamicTest(key, () -> check(macro, first.options(), first.caller().orElse(null), param)));
      }
      tests.add(DynamicTest.dynamicTest(macro + " attributes", () -> {
        Map<String, Object> params = deepCopy(first.options());
        params.put("attributes", Map.of("data-stp", HOSTILE));
        assertSafe(macro, "attributes.data-stp", render(macro, params, first.caller().orElse(null)));
      }));
    }
    assertThat(upstreamSeen).as("every listed upstream exception is a documented param").hasSize(MOJ_UPSTREAM.size());
    assertThat(tests).hasSizeGreaterThan(250);
    return tests.stream();
  }

  private void check(String component, Map<String, Object> base, ParamPath param) {
    check(component, base, null, param);
  }

  private void check(String component, Map<String, Object> base, String caller, ParamPath param) {
    Map<String, Object> params = deepCopy(base);
    set(params, param.segments, param.raw ? HTML : HOSTILE);
    String html = renderFillingRequired(component, params, caller);
    if (param.raw) {
      assertThat(html).as("%s %s is HTML and must not be escaped", component, param.path)
          .doesNotContain("&lt;b class=");
    } else {
      assertSafe(component, param.path, html);
    }
  }

  /**
   * Setting a param inside a new array item leaves that item's required siblings missing; fill each
   * one the renderer names with a plain value (an empty object where it wants one) and try again.
   */
  private String renderFillingRequired(String component, Map<String, Object> params, String caller) {
    for (int attempt = 0; ; attempt++) {
      try {
        return render(component, params, caller);
      } catch (TemplateRenderingException e) {
        boolean wantsObject = e.getMessage().contains("must be an object but was the string \"required-");
        if (attempt > 5 || e.paramPath().isEmpty() || !(e.getMessage().endsWith("is required") || wantsObject)) {
          throw e;
        }
        setValue(params, segments(e.paramPath().get()), wantsObject ? new LinkedHashMap<String, Object>() : "required-" + attempt);
      }
    }
  }

  private String render(String component, Map<String, Object> params, String caller) {
    return caller == null ? templates.render(component, params) : templates.render(component, params, caller);
  }

  private static List<Object> segments(String path) {
    List<Object> segments = new ArrayList<>();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      segments.add(bracket < 0 ? part : part.substring(0, bracket));
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        segments.add(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    return segments;
  }

  private static void assertSafe(String component, String path, String html) {
    assertThat(html).as("%s %s leaks raw markup", component, path).doesNotContain("<script>alert");
    Document document = Jsoup.parseBodyFragment(html);
    assertThat(document.select("script")).as("%s %s injects a script", component, path).isEmpty();
    for (Element element : document.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).as("%s %s injects an attribute", component, path).isNotEqualTo("onmouseover");
        if (attribute.getValue().contains("STPX")) {
          assertThat(attribute.getValue()).as("%s %s in an attribute", component, path).contains(HOSTILE);
        }
      }
      for (TextNode text : element.textNodes()) {
        if (text.getWholeText().contains("STPX")) {
          assertThat(text.getWholeText()).as("%s %s in text", component, path).contains(HOSTILE);
        }
      }
    }
  }

  /** A documented string param: its path segments ("items", 0, "text") and whether it is HTML. */
  private record ParamPath(String path, List<Object> segments, boolean raw) {}

  private static List<ParamPath> stringParams(String component) throws IOException {
    return stringParams("internal/macro-options/" + component + "/macro-options.json", component);
  }

  private static List<ParamPath> stringParams(String resource, String component) throws IOException {
    try (InputStream in = GovukTemplates.class.getResourceAsStream(resource)) {
      List<ParamPath> paths = new ArrayList<>();
      collect(component, JSON.readTree(in), new ArrayList<>(), "", false, paths);
      return paths;
    }
  }

  private static void collect(
      String component, JsonNode options, List<Object> prefix, String path, boolean rawParent, List<ParamPath> out) {
    for (JsonNode option : options) {
      String name = option.path("name").asText();
      String type = option.path("type").asText();
      List<Object> segments = new ArrayList<>(prefix);
      segments.add(name);
      String childPath = path.isEmpty() ? name : path + "." + name;
      // Heading levels are checked to be 1-6 before rendering, so a hostile string never reaches them.
      if (name.endsWith("eadingLevel") || option.path("isHeadingLevel").asBoolean()) {
        continue;
      }
      boolean raw = rawParent || name.equals("html") || name.endsWith("Html") || name.equals("slots");
      if (type.equals("string")) {
        out.add(new ParamPath(childPath, segments, raw));
      } else if (type.equals("object") && option.has("params")) {
        collect(component, option.get("params"), segments, childPath, raw, out);
      } else if (type.equals("array") && option.has("params")) {
        segments.add(0);
        String itemPath = childPath + "[0]";
        if (component.equals("table") && name.equals("rows")) {
          // A table's rows are arrays of cells.
          segments.add(0);
          itemPath += "[0]";
        }
        collect(component, option.get("params"), segments, itemPath, raw, out);
      }
    }
  }

  private static void set(Map<String, Object> root, List<Object> segments, String value) {
    setValue(root, segments, value);
  }

  @SuppressWarnings("unchecked")
  private static void setValue(Map<String, Object> root, List<Object> segments, Object value) {
    Object current = root;
    for (int i = 0; i < segments.size() - 1; i++) {
      Object segment = segments.get(i);
      Object next = segments.get(i + 1);
      if (segment instanceof Integer) {
        List<Object> list = (List<Object>) current;
        boolean wantList = next instanceof Integer;
        if (list.isEmpty()) {
          list.add(null);
        }
        Object child = list.get(0);
        if (wantList ? !(child instanceof List) : !(child instanceof Map)) {
          child = wantList ? new ArrayList<Object>() : new LinkedHashMap<String, Object>();
          list.set(0, child);
        }
        current = child;
      } else {
        Map<String, Object> map = (Map<String, Object>) current;
        Object child = map.get(segment);
        boolean wantList = next instanceof Integer;
        if (wantList ? !(child instanceof List) : !(child instanceof Map)) {
          child = wantList ? new ArrayList<Object>() : new LinkedHashMap<String, Object>();
          map.put((String) segment, child);
        }
        current = child;
      }
    }
    ((Map<String, Object>) current).put((String) segments.get(segments.size() - 1), value);
  }

  private static Map<String, Object> deepCopy(Map<String, Object> params) {
    return JSON.convertValue(JSON.valueToTree(params), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
  }
}

package org.stpkit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code renderPage} draws the page in plain Java (PageTemplate); {@code template.ftlh} stays for
 * FreeMarker callers and a development folder. These render the same pages both ways and ask for
 * the same bytes, or for both ways to fail.
 */
class PageTemplateEquivalenceTest {
  private static final Path TEMPLATES = Path.of("src/main/resources/org/stpkit/templates/ftl");
  private static final GovukTemplates JAVA = GovukTemplates.create();
  private static final GovukTemplates FREEMARKER = GovukTemplates.builder().developmentDirectory(TEMPLATES).build();

  private static final List<String> VARIABLES = new ArrayList<>(new TreeSet<>(GovukPage.VARIABLES));
  private static final List<String> BLOCKS = new ArrayList<>(new TreeSet<>(GovukPage.BLOCKS));

  private static final String SPECIAL = "<b>Tom & \"Jerry\"</b> it's a\\b — café ünï 日本 😀";

  /** Values for any variable that FreeMarker prints or tests, each kind a Java caller might pass. */
  private static final List<Object> SCALARS = List.of(
      "typical-value", "", " ", SPECIAL, "en-GB", "#0b0c0c", "/static/assets", "https://example.gov.uk",
      0, 1, -3, 1.0, 1.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e21, 1e20,
      2e16, 1e-5, 1e-8, 12345678.9, 0.1f, 3e10f, 1e-5f, 123456789012345678L, new BigDecimal("1.50"),
      new BigDecimal("1E+3"), new BigDecimal("0.00000001"), new BigInteger("99999999999999999999999"),
      (short) 7, (byte) -2, true, false, 'x', '<', Thread.State.NEW, LocalDate.of(2024, 2, 29));

  /** Values FreeMarker cannot print: the page either never prints them or fails both ways. */
  private static final List<Object> UNPRINTABLE = List.of(
      Map.of("a", "b"), List.of("a", "b"), new int[] {1, 2}, Set.of("x"), new Date(0), List.of());

  private static final List<Object> ATTRIBUTES = attributeValues();

  private static final List<String> BLOCK_HTML = List.of(
      "<p class=\"govuk-body\">A &amp; B</p>", "", "  ", "\n\t \r", "\u00a0", "\u0001", "x",
      "\n<div>\n  indented\n</div>\n", "<script nonce=\"n\">var a = '<>&\"';</script>", SPECIAL);

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void javaPageIsFreemarkerPage(String name, GovukPage page) {
    assertSameOutcome(page);
  }

  /** Random mixes of everything above, so that the parts are also checked against each other. */
  @Test
  void randomPagesMatch() {
    Random random = new Random(20240611L);
    int rendered = 0;
    for (int i = 0; i < 400; i++) {
      GovukPage.Builder page = GovukPage.builder();
      for (String variable : VARIABLES) {
        if (random.nextInt(3) == 0) {
          page.variable(variable, randomValue(random, variable));
        }
      }
      for (String block : BLOCKS) {
        if (random.nextInt(4) == 0) {
          page.block(block, BLOCK_HTML.get(random.nextInt(BLOCK_HTML.size())));
        }
      }
      if (assertSameOutcome(page.build())) {
        rendered++;
      }
    }
    // Most random pages render; failures (both ways) are only for unprintable values.
    assertThat(rendered).isGreaterThan(300);
  }

  @Test
  void unprintableVariablesFailBothWays() {
    GovukPage page = GovukPage.builder().variable("htmlClasses", Map.of("a", "b")).build();
    assertThatThrownBy(() -> FREEMARKER.renderPage(page)).isInstanceOf(TemplateRenderingException.class);
    assertThatThrownBy(() -> JAVA.renderPage(page))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("htmlClasses");
  }

  @Test
  void serviceNavigationParamsAreCheckedBothWays() {
    GovukTemplates unchecked = GovukTemplates.builder().validateParams(false).build();
    GovukPage page = GovukPage.builder().variable("serviceName", List.of("a")).build();
    assertThatThrownBy(() -> FREEMARKER.renderPage(page)).isInstanceOf(TemplateRenderingException.class);
    assertThatThrownBy(() -> unchecked.renderPage(page))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("serviceName");
  }

  @Test
  void writerGetsTheSamePage() {
    GovukPage page = GovukPage.builder().variable("serviceName", "Apply").content("<p>Hi</p>").build();
    StringWriter out = new StringWriter();
    JAVA.renderPage(page, out);
    assertThat(out.toString()).isEqualTo(FREEMARKER.renderPage(page));
  }

  @Test
  void pagesFromTheJarNeverStartFreemarker() throws Exception {
    GovukTemplates templates = GovukTemplates.create();
    templates.renderPage(GovukPage.builder().variable("serviceName", "Apply").build());
    Field configuration = GovukTemplates.class.getDeclaredField("configuration");
    configuration.setAccessible(true);
    assertThat(configuration.get(templates)).isNull();
  }

  /**
   * Renders both ways: the same string, or a {@link TemplateRenderingException} from both.
   *
   * @return whether the page rendered
   */
  private static boolean assertSameOutcome(GovukPage page) {
    String expected;
    try {
      expected = FREEMARKER.renderPage(page);
    } catch (TemplateRenderingException e) {
      assertThatThrownBy(() -> JAVA.renderPage(page))
          .as("FreeMarker failed with %s for %s", e.getMessage(), describe(page))
          .isInstanceOf(TemplateRenderingException.class);
      return false;
    }
    String actual = JAVA.renderPage(page);
    assertThat(actual).as(describe(page)).isEqualTo(expected);
    return true;
  }

  static Stream<Arguments> pages() {
    List<Arguments> pages = new ArrayList<>();
    pages.add(Arguments.of("empty page", GovukPage.builder().build()));
    for (String variable : VARIABLES) {
      List<Object> values = new ArrayList<>(variable.endsWith("Attributes") ? ATTRIBUTES : SCALARS);
      values.addAll(UNPRINTABLE);
      for (Object value : values) {
        pages.add(Arguments.of(variable + " = " + show(value), GovukPage.builder().variable(variable, value).build()));
      }
    }
    for (String block : BLOCKS) {
      for (String html : BLOCK_HTML) {
        pages.add(Arguments.of(block + " block " + show(html), GovukPage.builder().block(block, html).build()));
      }
    }
    pages.add(Arguments.of("pageTitle escaped by the builder", GovukPage.builder().pageTitle(SPECIAL).build()));
    combinations(pages);
    return pages.stream();
  }

  private static void combinations(List<Arguments> pages) {
    add(pages, "blank headerStart, empty govukHeader: no header", b -> b.block("headerStart", "  ").block("govukHeader", ""));
    add(pages, "empty govukHeader alone: no header", b -> b.block("govukHeader", ""));
    add(pages, "whitespace parts: no header", b -> b.block("headerStart", "\n").block("govukHeader", "\t")
        .block("govukServiceNavigation", " ").block("headerEnd", "\r\n"));
    add(pages, "no-break space is content", b -> b.block("govukHeader", "\u00a0"));
    add(pages, "control character is blank", b -> b.block("govukHeader", "\u001f"));
    add(pages, "headerEnd only", b -> b.block("govukHeader", "").block("headerEnd", "<p>end</p>"));
    add(pages, "serviceName with empty govukHeader", b -> b.block("govukHeader", "").variable("serviceName", "Apply"));
    add(pages, "empty header with classes", b -> b.block("govukHeader", "").variable("headerClasses", "x")
        .variable("headerAttributes", Map.of("data-a", "b")));
    add(pages, "serviceName and serviceUrl", b -> b.variable("serviceName", "Apply").variable("serviceUrl", "/apply"));
    add(pages, "serviceName special, serviceUrl special",
        b -> b.variable("serviceName", SPECIAL).variable("serviceUrl", "/a?b=1&c=\"2\""));
    add(pages, "serviceUrl without serviceName", b -> b.variable("serviceUrl", "/apply"));
    add(pages, "empty serviceName with serviceUrl", b -> b.variable("serviceName", "").variable("serviceUrl", "/apply"));
    add(pages, "serviceName with empty serviceUrl", b -> b.variable("serviceName", "Apply").variable("serviceUrl", ""));
    add(pages, "serviceName number, serviceUrl boolean", b -> b.variable("serviceName", 42).variable("serviceUrl", true));
    add(pages, "serviceName character", b -> b.variable("serviceName", 'A').variable("serviceUrl", '/'));
    add(pages, "serviceName and govukServiceNavigation",
        b -> b.variable("serviceName", "Apply").block("govukServiceNavigation", "<nav>mine</nav>"));
    add(pages, "header block wins over its parts", b -> b.block("header", "<header>mine</header>")
        .block("headerStart", "start").block("govukHeader", "h").variable("serviceName", "Apply"));
    add(pages, "all header parts", b -> b.block("headerStart", "<p>start</p>").block("govukHeader", "<div>h</div>")
        .block("govukServiceNavigation", "<nav>n</nav>").block("headerEnd", "<p>end</p>"));
    add(pages, "container wins", b -> b.block("container", "<div>c</div>").block("containerStart", "s")
        .block("beforeContent", "b").block("main", "m").block("content", "c").block("containerEnd", "e"));
    add(pages, "containerStart wins over beforeContent", b -> b.block("containerStart", "<p>s</p>")
        .block("beforeContent", "<p>b</p>"));
    add(pages, "beforeContent and containerEnd", b -> b.block("beforeContent", "<a>back</a>").block("containerEnd", "<p>e</p>"));
    add(pages, "main wins over content", b -> b.block("main", "<main>m</main>").block("content", "<p>c</p>")
        .variable("mainClasses", "x").variable("mainLang", "cy"));
    add(pages, "content with main variables", b -> b.block("content", "<p>c</p>").variable("mainClasses", "a b")
        .variable("mainLang", "cy").variable("mainAttributes", Map.of("data-x", "1", "hidden", Map.of("value", true, "optional", true))));
    add(pages, "govukSkipLink wins over skipLink", b -> b.block("govukSkipLink", "<a>1</a>").block("skipLink", "<a>2</a>"));
    add(pages, "skipLink", b -> b.block("skipLink", "<a>2</a>"));
    add(pages, "blank footerStart, empty govukFooter: no footer", b -> b.block("footerStart", "  ").block("govukFooter", ""));
    add(pages, "footer parts", b -> b.block("footerStart", "<p>s</p>").block("govukFooter", "<div>f</div>")
        .block("footerEnd", "<p>e</p>").variable("footerClasses", "x").variable("footerAttributes", " data-y"));
    add(pages, "footerEnd only", b -> b.block("govukFooter", "").block("footerEnd", "<p>e</p>"));
    add(pages, "footer block wins", b -> b.block("footer", "<footer>mine</footer>").block("footerStart", "s")
        .variable("footerClasses", Map.of("unprintable", "but never printed")));
    add(pages, "headIcons hide assetPath", b -> b.block("headIcons", "<link>").variable("assetPath", List.of("never", "printed")));
    add(pages, "opengraphImageUrl wins over assetUrl", b -> b.variable("opengraphImageUrl", "https://a/og.png")
        .variable("assetUrl", "https://b"));
    add(pages, "falsy opengraphImageUrl, assetUrl", b -> b.variable("opengraphImageUrl", "").variable("assetUrl", SPECIAL));
    add(pages, "assetUrl list", b -> b.variable("assetUrl", Arrays.asList("a", null, 1.5, List.of("b", "c"), Map.of())));
    add(pages, "assetUrl map", b -> b.variable("assetUrl", Map.of("a", 1)));
    add(pages, "assetUrl date", b -> b.variable("assetUrl", new Date(0)));
    add(pages, "assetUrl float", b -> b.variable("assetUrl", 0.1f));
    add(pages, "a typical service page", b -> b.pageTitle("Apply - GOV.UK").variable("serviceName", "Apply")
        .variable("serviceUrl", "/").variable("htmlLang", "cy").variable("cspNonce", "abc123")
        .variable("assetPath", "/static").variable("assetUrl", "https://example.gov.uk")
        .variable("bodyAttributes", Map.of("data-page", "start")).block("head", "<link rel=\"stylesheet\" href=\"/a.css\">")
        .block("beforeContent", "<a class=\"govuk-back-link\" href=\"/\">Back</a>")
        .block("content", "<h1 class=\"govuk-heading-xl\">Apply</h1>").block("bodyEnd", "<script src=\"/a.js\"></script>"));
  }

  private static void add(List<Arguments> pages, String name, java.util.function.UnaryOperator<GovukPage.Builder> page) {
    pages.add(Arguments.of(name, page.apply(GovukPage.builder()).build()));
  }

  private static List<Object> attributeValues() {
    List<Object> values = new ArrayList<>();
    values.add(Map.of());
    values.add(Map.of("data-module", "govuk-x"));
    values.add(orderedMap("data-a", SPECIAL, "<bad name>", "v", "data-b", ""));
    values.add(orderedMap("hidden", Map.of("value", true, "optional", true),
        "data-off", Map.of("value", false, "optional", true),
        "data-false", Map.of("value", false),
        "data-missing", Map.of("optional", true),
        "data-missing-required", Map.of("optional", false),
        "data-string-optional", Map.of("value", "v", "optional", "yes"),
        "data-true-required", Map.of("value", true)));
    Map<String, Object> nulls = new LinkedHashMap<>();
    nulls.put("data-null", null);
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("value", null);
    nullValue.put("optional", true);
    nulls.put("data-null-optional", nullValue);
    Map<String, Object> nullRequired = new HashMap<>();
    nullRequired.put("value", null);
    nulls.put("data-null-required", nullRequired);
    values.add(nulls);
    values.add(orderedMap("data-n", 1.5, "data-i", 0, "data-nan", Double.NaN, "data-t", true,
        "data-list", Arrays.asList("a", null, 2, List.of("b", 3.0)), "data-map", Map.of("x", "y"),
        "data-value-map", Map.of("value", Map.of("x", "y")), "data-date", new Date(0), "data-char", '"',
        "data-enum", Thread.State.BLOCKED, "data-big", new BigDecimal("1.50"), "data-float", 0.1f));
    Map<Object, Object> mixedKeys = new LinkedHashMap<>();
    mixedKeys.put(1, "number key");
    mixedKeys.put("data-x", "x");
    mixedKeys.put("1", "string key");
    mixedKeys.put(2.5, "double key");
    values.add(mixedKeys);
    values.add(" data-x=\"y\" hidden");
    values.add("");
    values.add(SPECIAL);
    values.add('c');
    values.add(Thread.State.NEW);
    values.add(7);
    values.add(true);
    values.add(false);
    return values;
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Object randomValue(Random random, String variable) {
    if (variable.endsWith("Attributes")) {
      return ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size()));
    }
    if (random.nextInt(25) == 0) {
      return UNPRINTABLE.get(random.nextInt(UNPRINTABLE.size()));
    }
    return SCALARS.get(random.nextInt(SCALARS.size()));
  }

  private static String describe(GovukPage page) {
    return "variables " + show(page.variables()) + ", blocks " + show(page.blocks());
  }

  private static String show(Object value) {
    String text = value instanceof int[] ? Arrays.toString((int[]) value) : String.valueOf(value);
    text = value instanceof String ? "\"" + text + "\"" : text + " (" + value.getClass().getSimpleName() + ")";
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}

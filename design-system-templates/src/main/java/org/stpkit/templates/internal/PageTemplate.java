package org.stpkit.templates.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.TemplateRenderingException;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.RenderProblem;

/**
 * {@code /govuk/template.ftlh} as plain Java, for {@code GovukTemplates.renderPage}: the same
 * bytes as the FreeMarker macro called from {@code render-page.ftlh}, whitespace included, without
 * FreeMarker's interpretation, value wrapping and per-page imports, which dominated a form request.
 *
 * <p>Variables are the Java values a {@code GovukPage} holds; each is read as FreeMarker's object
 * wrapper would present it to the template (see {@link #kind}), because that decides how the
 * template's {@code truthy}, {@code jsString}, {@code govukAttributes} and {@code ${...}} see it.
 * Blocks are trusted HTML, printed as given. The lines the template writes are literals here; a
 * line holding only FTL tags writes nothing of its own there (FreeMarker strips its indentation
 * and line break), which is why a block such as {@code head} has no indentation of its own.
 *
 * <p>Keep the two in step: {@code PageTemplateEquivalenceTest} renders pages both ways.
 */
public final class PageTemplate {
  /** The parts no page changes: components called with constant params, rendered once. */
  private static final String SKIP_LINK = renderConstant("skip-link",
      Map.of("href", "#main-content", "text", "Skip to main content"));
  private static final String HEADER = renderConstant("header", Map.of());
  private static final String FOOTER = renderConstant("footer", Map.of());

  /** Room for the constant markup and the indentation, so that a page rarely grows its buffer. */
  private static final int FIXED_LENGTH = 2048 + SKIP_LINK.length() + HEADER.length() + FOOTER.length();

  private static final String OG_IMAGE_PATH = "/images/govuk-opengraph-image.png";

  private final Component serviceNavigation = component("service-navigation");
  /** FreeMarker's component directives always check params; so does this, whatever validateParams says. */
  private final ParamValidator validator = new ParamValidator();

  /** A generous guess of a page's length, for sizing the buffer it is written into. */
  public static int expectedLength(Map<String, String> blocks) {
    int length = FIXED_LENGTH;
    for (String html : blocks.values()) {
      length += html.length();
    }
    return length;
  }

  /**
   * Writes the page.
   *
   * @param variables page template variable to value (never null values)
   * @param blocks block name to trusted HTML
   * @throws TemplateRenderingException where FreeMarker would fail: a variable it must print that
   *     cannot be printed (a map, a list, a date), or service navigation params of the wrong shape
   */
  public void render(Map<String, ?> variables, Map<String, String> blocks, StringBuilder out) {
    Object themeColor = truthyOr(variables.get("themeColor"), "#1d70b8");
    Object assetPath = truthyOr(variables.get("assetPath"), "/assets");

    out.append("<!DOCTYPE html>\n<html lang=\"");
    print(out, truthyOr(variables.get("htmlLang"), "en"), "htmlLang");
    out.append("\" class=\"govuk-template");
    classes(out, variables, "htmlClasses");
    out.append("\">\n  <head>\n    <meta charset=\"utf-8\">\n    <title");
    Object pageTitleLang = variables.get("pageTitleLang");
    if (truthy(pageTitleLang)) {
      out.append(" lang=\"");
      print(out, pageTitleLang, "pageTitleLang");
      out.append('"');
    }
    out.append('>');
    String pageTitle = blocks.get("pageTitle");
    out.append(pageTitle != null ? pageTitle : "GOV.UK - The best place to find government services and information");
    out.append("</title>\n"
        + "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n"
        + "    <meta name=\"theme-color\" content=\"");
    print(out, themeColor, "themeColor");
    out.append("\">\n\n");
    block(out, blocks, "head");
    out.append('\n');
    String headIcons = blocks.get("headIcons");
    if (headIcons != null) {
      out.append(headIcons);
    } else {
      out.append("      <link rel=\"icon\" sizes=\"48x48\" href=\"");
      print(out, assetPath, "assetPath");
      out.append("/images/favicon.ico\">\n      <link rel=\"icon\" sizes=\"any\" href=\"");
      print(out, assetPath, "assetPath");
      out.append("/images/favicon.svg\" type=\"image/svg+xml\">\n      <link rel=\"mask-icon\" href=\"");
      print(out, assetPath, "assetPath");
      out.append("/images/govuk-icon-mask.svg\" color=\"");
      print(out, themeColor, "themeColor");
      out.append("\">\n      <link rel=\"apple-touch-icon\" href=\"");
      print(out, assetPath, "assetPath");
      out.append("/images/govuk-icon-180.png\">\n      <link rel=\"manifest\" href=\"");
      print(out, assetPath, "assetPath");
      out.append("/manifest.json\">\n");
    }
    Object opengraphImageUrl = variables.get("opengraphImageUrl");
    Object assetUrl = variables.get("assetUrl");
    if (truthy(opengraphImageUrl) || truthy(assetUrl)) {
      out.append("    <meta property=\"og:image\" content=\"");
      if (truthy(opengraphImageUrl)) {
        print(out, opengraphImageUrl, "opengraphImageUrl");
      } else {
        appendFreemarkerEscaped(out, jsString(assetUrl));
        out.append(OG_IMAGE_PATH);
      }
      out.append("\">\n");
    }
    out.append("  </head>\n  <body class=\"govuk-template__body");
    classes(out, variables, "bodyClasses");
    out.append('"');
    attributes(out, variables.get("bodyAttributes"));
    out.append(">\n    <script");
    Object cspNonce = variables.get("cspNonce");
    if (truthy(cspNonce)) {
      out.append(" nonce=\"");
      print(out, cspNonce, "cspNonce");
      out.append('"');
    }
    out.append(">document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype"
        + " ? ' govuk-frontend-supported' : '');</script>\n");
    block(out, blocks, "bodyStart");
    out.append('\n');
    String skipLink = blocks.get("govukSkipLink");
    if (skipLink == null) {
      skipLink = blocks.get("skipLink");
    }
    out.append(skipLink != null ? skipLink : SKIP_LINK);
    out.append('\n');
    header(out, variables, blocks);
    out.append('\n');
    container(out, variables, blocks);
    out.append('\n');
    footer(out, variables, blocks);
    out.append('\n');
    block(out, blocks, "bodyEnd");
    out.append("  </body>\n</html>\n");
  }

  private void header(StringBuilder out, Map<String, ?> variables, Map<String, String> blocks) {
    String header = blocks.get("header");
    if (header != null) {
      out.append(header);
      return;
    }
    // The template collects the parts, then writes the <header> only if they are not blank
    // (?trim?has_content). Writing the element first and taking it back when they are blank
    // saves a buffer.
    int start = out.length();
    out.append("    <header class=\"govuk-template__header");
    classes(out, variables, "headerClasses");
    out.append('"');
    attributes(out, variables.get("headerAttributes"));
    out.append(">\n      ");
    int content = out.length();
    block(out, blocks, "headerStart");
    String govukHeader = blocks.get("govukHeader");
    out.append(govukHeader != null ? govukHeader : HEADER);
    String navigation = blocks.get("govukServiceNavigation");
    if (navigation != null) {
      out.append(navigation);
    } else {
      Object serviceName = variables.get("serviceName");
      if (truthy(serviceName)) {
        serviceNavigation(out, serviceName, variables);
      }
    }
    block(out, blocks, "headerEnd");
    if (!hasContent(out, content)) {
      out.setLength(start);
      return;
    }
    out.append("\n    </header>\n");
  }

  private void container(StringBuilder out, Map<String, ?> variables, Map<String, String> blocks) {
    String container = blocks.get("container");
    if (container != null) {
      out.append(container);
      return;
    }
    out.append("    <div class=\"govuk-width-container");
    classes(out, variables, "containerClasses");
    out.append('"');
    attributes(out, variables.get("containerAttributes"));
    out.append(">\n");
    String containerStart = blocks.get("containerStart");
    if (containerStart == null) {
      containerStart = blocks.get("beforeContent");
    }
    if (containerStart != null) {
      out.append(containerStart);
    }
    String main = blocks.get("main");
    if (main != null) {
      out.append(main);
    } else {
      out.append("      <main class=\"govuk-main-wrapper");
      classes(out, variables, "mainClasses");
      out.append("\" id=\"main-content\"");
      Object mainLang = variables.get("mainLang");
      if (truthy(mainLang)) {
        out.append(" lang=\"");
        print(out, mainLang, "mainLang");
        out.append('"');
      }
      attributes(out, variables.get("mainAttributes"));
      // The template's nested body, here always empty, stands in for a missing content block.
      out.append(">\n        ");
      block(out, blocks, "content");
      out.append("\n      </main>\n");
    }
    block(out, blocks, "containerEnd");
    out.append("    </div>\n");
  }

  private void footer(StringBuilder out, Map<String, ?> variables, Map<String, String> blocks) {
    String footer = blocks.get("footer");
    if (footer != null) {
      out.append(footer);
      return;
    }
    int start = out.length();
    out.append("    <footer class=\"govuk-template__footer");
    classes(out, variables, "footerClasses");
    out.append('"');
    attributes(out, variables.get("footerAttributes"));
    out.append(">\n      ");
    int content = out.length();
    block(out, blocks, "footerStart");
    String govukFooter = blocks.get("govukFooter");
    out.append(govukFooter != null ? govukFooter : FOOTER);
    block(out, blocks, "footerEnd");
    if (!hasContent(out, content)) {
      out.setLength(start);
      return;
    }
    out.append("\n    </footer>\n");
  }

  /**
   * {@code govukServiceNavigation} with {@code definedOnly({"serviceName": ..., "serviceUrl": ...})}:
   * serviceUrl passed only when the page has one, and the values as FreeMarker hands them on to a
   * component (a character as a string).
   */
  private void serviceNavigation(StringBuilder out, Object serviceName, Map<String, ?> variables) {
    Object serviceUrl = variables.get("serviceUrl");
    Map<String, Object> params = serviceUrl == null
        ? Map.of("serviceName", componentParam(serviceName, "serviceName"))
        : Map.of("serviceName", componentParam(serviceName, "serviceName"),
            "serviceUrl", componentParam(serviceUrl, "serviceUrl"));
    ParamValidator.Problem problem = validator.check("service-navigation", params);
    if (problem != null) {
      throw new TemplateRenderingException("Could not render template: govukServiceNavigation: param '"
          + problem.path() + "' " + problem.message(), "template", problem.path(), null);
    }
    try {
      serviceNavigation.render(JsObject.of(params), null, new Html(out));
    } catch (RenderProblem e) {
      throw new TemplateRenderingException(
          "Could not render template: govukServiceNavigation: " + e.getMessage(), "template", null, null);
    }
  }

  private static Object componentParam(Object value, String variable) {
    if (value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Date) {
      throw new TemplateRenderingException("Could not render template: page variable '" + variable
          + "' is a date, which cannot be a component param; pass a string", "template", variable, null);
    }
    return value;
  }

  private static void block(StringBuilder out, Map<String, String> blocks, String name) {
    String html = blocks.get(name);
    if (html != null) {
      out.append(html);
    }
  }

  /** {@code <#if truthy(params.x!)> ${params.x}</#if>}. */
  private static void classes(StringBuilder out, Map<String, ?> variables, String name) {
    Object value = variables.get(name);
    if (truthy(value)) {
      out.append(' ');
      print(out, value, name);
    }
  }

  /** {@code ?trim?has_content}: Java's trim, so anything up to U+0020 is blank. */
  private static boolean hasContent(StringBuilder out, int from) {
    for (int i = from; i < out.length(); i++) {
      if (out.charAt(i) > ' ') {
        return true;
      }
    }
    return false;
  }

  // How FreeMarker's object wrapper (JsObjectWrapper, a DefaultObjectWrapper) presents a Java value,
  // which decides what each helper the template calls does with it.

  private enum Kind {
    /** SimpleScalar, or a bean's StringModel: a string (its toString). */
    STRING,
    NUMBER,
    BOOLEAN,
    /** DefaultMapAdapter: a listable hash. */
    MAP,
    /** DefaultListAdapter, DefaultArrayAdapter: a sequence. */
    SEQUENCE,
    /** A non-list collection, an iterable or iterator: neither string, hash nor sequence. */
    COLLECTION,
    /** SimpleDate. */
    DATE
  }

  private static Kind kind(Object value) {
    if (value instanceof String) {
      return Kind.STRING;
    }
    if (value instanceof Number) {
      return Kind.NUMBER;
    }
    if (value instanceof Boolean) {
      return Kind.BOOLEAN;
    }
    if (value instanceof Date) {
      return Kind.DATE;
    }
    if (value instanceof List || value.getClass().isArray()) {
      return Kind.SEQUENCE;
    }
    if (value instanceof java.util.Collection) {
      return Kind.COLLECTION;
    }
    if (value instanceof Map) {
      return Kind.MAP;
    }
    if (value instanceof Iterator || value instanceof Enumeration || value instanceof Iterable) {
      return Kind.COLLECTION;
    }
    return Kind.STRING;
  }

  /** {@code truthy(x)} (JsValues.isTruthy); Java null is a missing variable. */
  private static boolean truthy(@Nullable Object value) {
    if (value == null) {
      return false;
    }
    switch (kind(value)) {
      case BOOLEAN:
        return (Boolean) value;
      case NUMBER:
        double number = ((Number) value).doubleValue();
        return number != 0 && !Double.isNaN(number);
      case STRING:
        return !value.toString().isEmpty();
      default:
        return true;
    }
  }

  private static Object truthyOr(@Nullable Object value, String fallback) {
    return truthy(value) ? value : fallback;
  }

  /**
   * {@code jsString(x)} (JsValues.toJsString), for a variable or a value inside one; Java null is
   * a missing variable at the top and JSON null inside, both the empty string.
   */
  private static String jsString(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    switch (kind(value)) {
      case STRING:
        return value.toString();
      case NUMBER:
        return Js.numberToString((Number) value);
      case BOOLEAN:
        return value.toString();
      case SEQUENCE:
        StringBuilder joined = new StringBuilder();
        if (value instanceof List) {
          List<?> list = (List<?>) value;
          for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
              joined.append(',');
            }
            joined.append(jsString(list.get(i)));
          }
        } else {
          for (int i = 0; i < Array.getLength(value); i++) {
            if (i > 0) {
              joined.append(',');
            }
            joined.append(jsString(Array.get(value, i)));
          }
        }
        return joined.toString();
      default:
        return "[object Object]";
    }
  }

  /**
   * {@code ${x}} in the HTML output format: strings escaped as FreeMarker escapes them, numbers
   * and booleans in the {@code c} format; anything else is a template error there, and here.
   */
  private static void print(StringBuilder out, Object value, String variable) {
    switch (kind(value)) {
      case STRING:
        appendFreemarkerEscaped(out, value.toString());
        return;
      case NUMBER:
        out.append(cNumber((Number) value));
        return;
      case BOOLEAN:
        out.append(((Boolean) value) ? "true" : "false");
        return;
      default:
        throw new TemplateRenderingException("Could not render template: page variable '" + variable + "' is a "
            + value.getClass().getName() + ", which the page template cannot print; pass a string, number or boolean",
            "template", variable, null);
    }
  }

  /**
   * FreeMarker's HTML escaping ({@code StringUtil.XHTMLEnc}): {@code < > & " '}, not the backslash
   * that the components' escaping ({@link Js#escape}) also replaces.
   */
  private static void appendFreemarkerEscaped(StringBuilder out, String text) {
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      String replacement;
      switch (text.charAt(i)) {
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '&': replacement = "&amp;"; break;
        case '"': replacement = "&quot;"; break;
        case '\'': replacement = "&#39;"; break;
        default: continue;
      }
      out.append(text, start, i).append(replacement);
      start = i + 1;
    }
    out.append(text, start, length);
  }

  /**
   * FreeMarker's {@code c} number format from incompatible improvements 2.3.32 on
   * ({@code CTemplateNumberFormat}): lossless, no exponent for whole numbers up to 2^53, and
   * {@code Infinity} and {@code NaN} as JavaScript spells them.
   */
  static String cNumber(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof BigInteger) {
      return number.toString();
    }
    if (number instanceof Double) {
      double n = number.doubleValue();
      if (Double.isInfinite(n)) {
        return n > 0 ? "Infinity" : "-Infinity";
      }
      if (Double.isNaN(n)) {
        return "NaN";
      }
      if (Math.floor(n) == n) {
        if (Math.abs(n) <= 9007199254740992d) {
          return Long.toString((long) n);
        }
      } else {
        double abs = Math.abs(n);
        if (abs < 1E-3 && abs > 1E-7) {
          return BigDecimal.valueOf(n).toString();
        }
        if (abs >= 1E7) {
          return BigDecimal.valueOf(n).toPlainString();
        }
      }
      return withoutPointZero(Double.toString(n));
    }
    if (number instanceof Float) {
      float n = number.floatValue();
      if (Float.isInfinite(n)) {
        return n > 0 ? "Infinity" : "-Infinity";
      }
      if (Float.isNaN(n)) {
        return "NaN";
      }
      if (Math.floor(n) == n) {
        if (Math.abs(n) <= 16777216f) {
          return Long.toString((long) n);
        }
      } else {
        float abs = Math.abs(n);
        if (abs < 1E-3f && abs > 1E-7f) {
          return new BigDecimal(number.toString()).toString();
        }
      }
      return withoutPointZero(Float.toString(n));
    }
    if (number instanceof BigDecimal) {
      BigDecimal stripped = ((BigDecimal) number).stripTrailingZeros();
      int scale = stripped.scale();
      if (scale <= 0 && scale > -100) {
        return stripped.toPlainString();
      }
      return stripped.toString();
    }
    return number.toString();
  }

  /** {@code "1.0"} to {@code "1"}, {@code "1.0E-7"} to {@code "1E-7"}; for Double and Float toString. */
  private static String withoutPointZero(String text) {
    int point = text.indexOf('.');
    if (point < 0 || point + 1 >= text.length() || text.charAt(point + 1) != '0') {
      return text;
    }
    int after = point + 2;
    if (after == text.length()) {
      return text.substring(0, point);
    }
    if (text.charAt(after) == 'E') {
      return text.substring(0, point) + text.substring(after);
    }
    return text;
  }

  /** {@code govukAttributes(x)} (HtmlAttributes.render) for a variable's Java value. */
  private static void attributes(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      return;
    }
    Kind kind = kind(value);
    if (kind == Kind.STRING) {
      // A string is trusted markup, as govuk-frontend's attributes macro takes it.
      out.append(value.toString());
      return;
    }
    if (kind != Kind.MAP) {
      return;
    }
    Map<?, ?> map = (Map<?, ?>) value;
    for (Map.Entry<?, ?> entry : attributeEntries(map).entrySet()) {
      attribute(out, jsString(entry.getKey()), entry.getValue());
    }
  }

  /**
   * The map's entries by key as a string; FreeMarker's hash reading keeps the first position and
   * the last value when two keys print the same (1 and "1"), which only other key types allow.
   */
  private static Map<?, ?> attributeEntries(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        Map<String, Object> byString = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          byString.put(jsString(entry.getKey()), entry.getValue());
        }
        return byString;
      }
    }
    return map;
  }

  private static void attribute(StringBuilder out, String name, @Nullable Object item) {
    Object value = item;
    boolean optional = false;
    if (item != null && kind(item) == Kind.MAP) {
      Map<?, ?> options = (Map<?, ?>) item;
      value = options.get("value");
      optional = Boolean.TRUE.equals(options.get("optional"));
    }
    // Java null is JSON null in a map, or a missing "value": absent either way.
    boolean absent = value == null;
    if (optional && Boolean.TRUE.equals(value)) {
      out.append(' ');
      Js.appendEscaped(out, name);
    } else if (!optional || !(absent || Boolean.FALSE.equals(value))) {
      out.append(' ');
      Js.appendEscaped(out, name);
      out.append("=\"");
      if (!absent) {
        Js.appendEscaped(out, jsString(value));
      }
      out.append('"');
    }
  }

  private static Component component(String name) {
    return ComponentRegistry.find(name)
        .orElseThrow(() -> new IllegalStateException("No " + name + " component"))
        .component();
  }

  private static String renderConstant(String name, Map<String, Object> params) {
    Html html = new Html(new StringBuilder(4096));
    component(name).render(JsObject.of(params), null, html);
    return html.toString();
  }
}

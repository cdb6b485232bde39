package org.stpkit.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A page to render with the GOV.UK page template: its variables (as govuk-frontend's
 * {@code template.njk} names them) and the HTML of the blocks it overrides.
 *
 * <pre>{@code
 * GovukPage page = GovukPage.builder()
 *     .pageTitle("Apply for a licence - GOV.UK")
 *     .variable("serviceName", "Apply for a licence")
 *     .block("content", "<h1 class=\"govuk-heading-xl\">Apply for a licence</h1>")
 *     .build();
 * String html = templates.renderPage(page);
 * }</pre>
 */
public final class GovukPage {
  /** Variables of govuk-frontend's page template. */
  public static final Set<String> VARIABLES = Set.of(
      "htmlLang", "htmlClasses", "pageTitleLang", "themeColor", "assetPath", "assetUrl",
      "opengraphImageUrl", "bodyClasses", "bodyAttributes", "cspNonce", "headerClasses",
      "headerAttributes", "containerClasses", "containerAttributes", "mainClasses",
      "mainAttributes", "mainLang", "footerClasses", "footerAttributes", "serviceName",
      "serviceUrl");

  /** Blocks of govuk-frontend's page template, each replaceable with HTML. */
  public static final Set<String> BLOCKS = Set.of(
      "pageTitle", "head", "headIcons", "bodyStart", "govukSkipLink", "skipLink", "header",
      "headerStart", "govukHeader", "govukServiceNavigation", "headerEnd", "container",
      "containerStart", "beforeContent", "main", "content", "containerEnd", "footer",
      "footerStart", "govukFooter", "footerEnd", "bodyEnd");

  private final Map<String, Object> variables;
  private final Map<String, String> blocks;

  private GovukPage(Map<String, Object> variables, Map<String, String> blocks) {
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    this.blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, Object> variables() {
    return variables;
  }

  /** Block name to trusted HTML. */
  public Map<String, String> blocks() {
    return blocks;
  }

  /** Builds a {@link GovukPage}; names are checked against the page template's. */
  public static final class Builder {
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, String> blocks = new LinkedHashMap<>();

    private Builder() {}

    /** Sets a page template variable such as {@code serviceName} or {@code htmlLang}. */
    public Builder variable(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!VARIABLES.contains(name)) {
        throw new TemplateRenderingException(
            "The page template has no variable '" + name + "'; it has " + new java.util.TreeSet<>(VARIABLES),
            "template", name, null);
      }
      variables.put(name, value);
      return this;
    }

    /** Replaces a block with trusted HTML (it is not escaped). */
    public Builder block(String name, String html) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(html, "html");
      if (!BLOCKS.contains(name)) {
        throw new TemplateRenderingException(
            "The page template has no block '" + name + "'; it has " + new java.util.TreeSet<>(BLOCKS),
            "template", name, null);
      }
      blocks.put(name, html);
      return this;
    }

    /** The text of the {@code <title>}; escaped. */
    public Builder pageTitle(String title) {
      return block("pageTitle", org.stpkit.templates.internal.ComponentRenderer.escape(Objects.requireNonNull(title, "title")));
    }

    /** The main content, as trusted HTML. */
    public Builder content(String html) {
      return block("content", html);
    }

    public GovukPage build() {
      return new GovukPage(variables, blocks);
    }
  }
}

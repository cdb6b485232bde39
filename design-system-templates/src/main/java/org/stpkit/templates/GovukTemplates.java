package org.stpkit.templates;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.ComponentRenderer;
import org.stpkit.templates.internal.FreemarkerSetup;
import org.stpkit.templates.internal.PageTemplate;

/**
 * Renders GOV.UK Frontend and MoJ Frontend components, and pages.
 *
 * <pre>{@code
 * GovukTemplates templates = GovukTemplates.create();
 * String html = templates.render("input", Map.of(
 *     "name", "email",
 *     "label", Map.of("text", "Email address")));
 * }</pre>
 *
 * <p>A component is named by its govuk-frontend folder name ({@code "date-input"}) or by its
 * Nunjucks macro name ({@code "govukDateInput"}); MoJ Frontend's components by their macro names
 * only ({@code "mojTimeline"}, {@code "mojBadge"}, {@code "pdsHeader"}), as four of MoJ's folder
 * names are also govuk-frontend's. Params are the ones documented in each component's {@code
 * macro-options.json} (for MoJ Frontend, which documents them in prose, the kit's own
 * transcription), as JSON-like values: {@code Map}, {@code List}, {@code String}, {@code Number} and
 * {@code Boolean}. Instances are thread-safe and meant to be shared. Components and pages render
 * without FreeMarker; only a {@link Builder#developmentDirectory(Path) development folder} makes pages go
 * through FreeMarker, with a configuration built once.
 *
 * <p>From your own {@code .ftlh} templates, call {@link #configure(Configuration)} on your
 * configuration and {@code <#import "/govuk/all.ftlh" as govuk>} (or {@code "/moj/all.ftlh" as
 * moj}); then {@code <@govuk.govukInput name="email" label={"text": "Email address"}/>}.
 */
public final class GovukTemplates {
  /** The govuk-frontend version these templates reproduce. */
  public static final String GOVUK_FRONTEND_VERSION = readVersion("govuk-frontend.properties");

  /** The MoJ Frontend ({@code @ministryofjustice/frontend}) version these templates reproduce. */
  public static final String MOJ_FRONTEND_VERSION = readVersion("moj-frontend.properties");

  private static final String PAGE_ENTRY = "/govuk/internal/render-page.ftlh";

  private final @Nullable Path developmentDirectory;
  private final ComponentRenderer renderer;
  private final PageTemplate pageTemplate = new PageTemplate();
  /**
   * Made on the first page drawn from a development folder: components and pages from the jar
   * render without FreeMarker, and a CLI starts faster without it.
   */
  private volatile @Nullable Configuration configuration;

  private GovukTemplates(Builder builder) {
    this.developmentDirectory = builder.developmentDirectory;
    this.renderer = new ComponentRenderer(builder.validateParams);
  }

  /** Templates from the jar, with params checked before rendering. */
  public static GovukTemplates create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds the govuk templates ({@code /govuk/all.ftlh}, {@code /govuk/template.ftlh}) and the helpers
   * they call to a service's own FreeMarker configuration. The configuration should use the HTML
   * output format ({@code .ftlh} files); its number and boolean formats are set to {@code c}, as the
   * macros need.
   */
  public static void configure(Configuration configuration) {
    FreemarkerSetup.addTo(Objects.requireNonNull(configuration, "configuration"));
  }

  /** The govuk-frontend component names, such as {@code "date-input"}. */
  public List<String> components() {
    return ComponentRenderer.names();
  }

  /** The MoJ Frontend components, by their Nunjucks macro names, such as {@code "mojTimeline"}. */
  public List<String> mojComponents() {
    return ComponentRenderer.mojNames();
  }

  /**
   * Renders a component from its params.
   *
   * @param component a govuk-frontend folder name ({@code "date-input"}) or a Nunjucks macro name
   *     ({@code "govukDateInput"}, {@code "mojTimeline"})
   * @throws TemplateRenderingException for an unknown component, or params of the wrong shape,
   *     naming the component and the param's path
   */
  public String render(String component, Map<String, ?> params) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(params, "params");
    return renderer.render(component, params, null);
  }

  /**
   * Renders a component with nested content, as Nunjucks' {@code {% call component(params) %}html{%
   * endcall %}} does: the content is the macro's {@code caller()}, trusted markup. MoJ's
   * {@code interruptionCard} needs it for its body.
   */
  public String render(String component, Map<String, ?> params, String callerHtml) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(callerHtml, "callerHtml");
    return renderer.render(component, params, callerHtml);
  }

  /** Renders a component into {@code out}. */
  public void render(String component, Map<String, ?> params, Writer out) {
    Objects.requireNonNull(out, "out");
    String html = render(component, params);
    try {
      out.write(html);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + component, e);
    }
  }

  /** Renders a whole page with the GOV.UK page template. */
  public String renderPage(GovukPage page) {
    Objects.requireNonNull(page, "page");
    if (developmentDirectory != null) {
      StringWriter out = new StringWriter(8192);
      renderPageWithFreemarker(page, out);
      return out.toString();
    }
    StringBuilder html = new StringBuilder(PageTemplate.expectedLength(page.blocks()));
    pageTemplate.render(page.variables(), page.blocks(), html);
    return html.toString();
  }

  /** Renders a whole page into {@code out}. */
  public void renderPage(GovukPage page, Writer out) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(out, "out");
    if (developmentDirectory != null) {
      renderPageWithFreemarker(page, out);
      return;
    }
    // Written whole, after rendering, so that a page that fails leaves nothing half-written.
    StringBuilder html = new StringBuilder(PageTemplate.expectedLength(page.blocks()));
    pageTemplate.render(page.variables(), page.blocks(), html);
    try {
      out.append(html);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the page", e);
    }
  }

  /**
   * The page through {@code template.ftlh} itself, so that edits to it in the development folder
   * show on the next render; {@link PageTemplate} is its plain-Java twin for everything else.
   */
  private void renderPageWithFreemarker(GovukPage page, Writer out) {
    Map<String, Object> args = new LinkedHashMap<>(page.variables());
    try {
      for (Map.Entry<String, String> block : page.blocks().entrySet()) {
        args.put(block.getKey(), HTMLOutputFormat.INSTANCE.fromMarkup(block.getValue()));
      }
    } catch (TemplateModelException e) {
      throw new TemplateRenderingException("Cannot use a page block: " + e.getMessage(), "template", null, e);
    }
    process(PAGE_ENTRY, Map.of("page", args), out, "template");
  }

  private void process(String templateName, Map<String, Object> model, Writer out, String component) {
    try {
      Template template = configuration().getTemplate(templateName);
      template.process(model, out);
    } catch (TemplateException e) {
      throw new TemplateRenderingException(
          "Could not render " + component + ": " + firstLine(e.getMessageWithoutStackTop()), component, null, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + component, e);
    }
  }

  private Configuration configuration() {
    Configuration made = configuration;
    if (made == null) {
      synchronized (this) {
        made = configuration;
        if (made == null) {
          made = FreemarkerSetup.create(developmentDirectory);
          configuration = made;
        }
      }
    }
    return made;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "template error";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  private static String readVersion(String resource) {
    Properties properties = new Properties();
    try (var in = GovukTemplates.class.getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** Options for {@link GovukTemplates}. */
  public static final class Builder {
    private boolean validateParams = true;
    private @Nullable Path developmentDirectory;

    private Builder() {}

    /**
     * Whether params are checked against the documented options before rendering (default true).
     * Turning it off saves a little time for params your code builds and your tests cover.
     */
    public Builder validateParams(boolean validate) {
      this.validateParams = validate;
      return this;
    }

    /**
     * For developing the page template itself: draw pages through {@code govuk/template.ftlh} read
     * from this folder (the module's {@code src/main/resources/org/stpkit/templates/ftl}) on every
     * render, instead of through its plain-Java twin.
     */
    public Builder developmentDirectory(Path folder) {
      Objects.requireNonNull(folder, "folder");
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("Not a folder of templates: " + folder.toAbsolutePath());
      }
      this.developmentDirectory = folder;
      return this;
    }

    public GovukTemplates build() {
      return new GovukTemplates(this);
    }
  }
}

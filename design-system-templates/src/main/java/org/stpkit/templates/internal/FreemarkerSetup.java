package org.stpkit.templates.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the FreeMarker configuration the templates need: HTML auto-escaping, JavaScript-style
 * number and boolean output, and the helper methods the macros call.
 */
public final class FreemarkerSetup {
  public static final Version VERSION = Configuration.VERSION_2_3_34;

  /** Classpath folder holding the {@code /govuk/...} and {@code /moj/...} templates. */
  public static final String CLASSPATH_ROOT = "/org/stpkit/templates/ftl";

  private FreemarkerSetup() {}

  /**
   * The helpers every govuk macro calls, by the names the templates use, and the component
   * directives: {@code govukComponents} by govuk-frontend folder name, {@code mojComponents} by
   * MoJ macro name (what {@code /govuk/all.ftlh} and {@code /moj/all.ftlh} bind).
   */
  public static Map<String, Object> helpers() {
    Map<String, Object> govuk = new java.util.LinkedHashMap<>();
    Map<String, Object> moj = new java.util.LinkedHashMap<>();
    ParamValidator validator = new ParamValidator();
    for (ComponentRegistry.Entry entry : ComponentRegistry.all()) {
      (entry.family() == ComponentRegistry.Family.GOVUK ? govuk : moj)
          .put(entry.name(), new ComponentDirective(entry, validator));
    }
    return Map.of(
        "govukComponents", govuk,
        "mojComponents", moj,
        "truthy", new Truthy(),
        "truthyOr", new TruthyOr(),
        "jsString", new JsString(),
        "govukAttributes", new HtmlAttributes(),
        "definedOnly", new DefinedOnly());
  }

  /** The loader for the govuk templates; from a folder during development, else the classpath. */
  public static TemplateLoader govukLoader(@Nullable Path developmentDirectory) {
    if (developmentDirectory == null) {
      return new ClassTemplateLoader(FreemarkerSetup.class, CLASSPATH_ROOT);
    }
    try {
      return new FileTemplateLoader(developmentDirectory.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read templates from " + developmentDirectory, e);
    }
  }

  /** Adds the govuk templates and helpers to a service's own configuration. */
  public static void addTo(Configuration configuration) {
    TemplateLoader existing = configuration.getTemplateLoader();
    TemplateLoader govuk = govukLoader(null);
    configuration.setTemplateLoader(
        existing == null ? govuk : new MultiTemplateLoader(new TemplateLoader[] {existing, govuk}));
    try {
      configuration.setSharedVariables(helpers());
    } catch (freemarker.template.TemplateModelException e) {
      throw new IllegalStateException("Cannot register the govuk template helpers", e);
    }
    configuration.setBooleanFormat("c");
    configuration.setNumberFormat("c");
  }

  public static Configuration create(@Nullable Path developmentDirectory) {
    Configuration configuration = new Configuration(VERSION);
    configuration.setTemplateLoader(govukLoader(developmentDirectory));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setRecognizeStandardFileExtensions(true);
    configuration.setLocale(Locale.ROOT);
    configuration.setLocalizedLookup(false);
    configuration.setBooleanFormat("c");
    configuration.setNumberFormat("c");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    // Templates in the jar never change; a development folder is re-read on every render.
    configuration.setTemplateUpdateDelayMilliseconds(developmentDirectory == null ? Long.MAX_VALUE : 0);
    configuration.setObjectWrapper(new JsObjectWrapper());
    try {
      configuration.setSharedVariables(helpers());
    } catch (freemarker.template.TemplateModelException e) {
      throw new IllegalStateException("Cannot register the govuk template helpers", e);
    }
    return configuration;
  }
}

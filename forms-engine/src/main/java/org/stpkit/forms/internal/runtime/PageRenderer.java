package org.stpkit.forms.internal.runtime;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.stpkit.forms.FormsException;
import org.stpkit.templates.GovukTemplates;

/**
 * Draws forms-engine's pages (question page, check your answers, confirmation, messages) from
 * FreeMarker layouts that use the govuk component directives. The configuration is built once.
 */
final class PageRenderer {
  private static final String TEMPLATES = "/org/stpkit/forms/templates";

  private final Configuration freemarker;

  PageRenderer() {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setClassForTemplateLoading(PageRenderer.class, TEMPLATES);
    configuration.setRecognizeStandardFileExtensions(true);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setLocale(Locale.UK);
    configuration.setLocalizedLookup(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    GovukTemplates.configure(configuration);
    this.freemarker = configuration;
  }

  String render(String templateName, Map<String, Object> view) {
    try {
      Template template = freemarker.getTemplate(templateName + ".ftlh");
      StringWriter out = new StringWriter(16_384);
      template.process(Map.of("view", view), out);
      return out.toString();
    } catch (TemplateException e) {
      throw new FormsException("Could not render the " + templateName + " page: " + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.stpkit.forms.internal.runtime;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
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
 * FreeMarker {@code .ftlh} templates that use design-system-templates' govuk macros: the markup is in
 * the templates, the words come from {@link Messages}, and FreeMarker's HTML auto-escaping is the one
 * escaper. The configuration is built once.
 */
final class PageRenderer {
  private static final String TEMPLATES = "/org/stpkit/forms/templates";

  private final Configuration freemarker;
  private final PageWriter writer;
  private static final boolean COMPARE = System.getenv("STP_COMPARE_PAGES") != null;

  PageRenderer(GovukTemplates templates) {
    this.writer = new PageWriter(templates);
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setClassForTemplateLoading(PageRenderer.class, TEMPLATES);
    configuration.setRecognizeStandardFileExtensions(true);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setLocale(Locale.UK);
    configuration.setLocalizedLookup(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    // The views are records: their components read as properties (view.heading), as a bean's would.
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
        ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    configuration.setObjectWrapper(wrapper.build());
    GovukTemplates.configure(configuration);
    this.freemarker = configuration;
  }

  /** Renders a template with its typed view (a record of the view package) and the page's messages. */
  String render(String templateName, Record view, Messages messages) {
    String drawn = writer.write(view, messages);
    if (COMPARE) {
      String old = renderFreemarker(templateName, view, messages);
      if (!old.equals(drawn)) {
        int i = 0;
        while (i < Math.min(old.length(), drawn.length()) && old.charAt(i) == drawn.charAt(i)) {
          i++;
        }
        int from = Math.max(0, i - 200);
        try {
          java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("/tmp/pagediff"));
          String n = templateName + "-" + System.nanoTime();
          java.nio.file.Files.writeString(dir.resolve(n + ".old"), old);
          java.nio.file.Files.writeString(dir.resolve(n + ".java"), drawn);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("PAGES DIFFER in " + templateName + " at " + i + "\n--- freemarker:\n"
            + old.substring(from, Math.min(old.length(), i + 200)) + "\n--- java:\n"
            + drawn.substring(from, Math.min(drawn.length(), i + 200)));
      }
    }
    return drawn;
  }

  String renderFreemarker(String templateName, Record view, Messages messages) {
    try {
      Template template = freemarker.getTemplate(templateName + ".ftlh");
      StringWriter out = new StringWriter(16_384);
      template.process(Map.of("view", view, "msg", messages), out);
      return out.toString();
    } catch (TemplateException e) {
      throw new FormsException("Could not render the " + templateName + " page: " + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.stpkit.cli.internal.docs;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.stpkit.templates.GovukTemplates;

/**
 * The site's FreeMarker templates, with the kit's govuk templates added the way any service adds
 * them ({@link GovukTemplates#configure}): every page is the GOV.UK page template, and its
 * breadcrumbs, navigation, tables, tags and error summary are the kit's components.
 */
final class SiteTemplates {
  private static final String ROOT = "/org/stpkit/cli/docs/templates";

  private final Configuration freemarker;

  SiteTemplates() {
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setClassForTemplateLoading(SiteTemplates.class, ROOT);
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
    freemarker.setRecognizeStandardFileExtensions(true);
    freemarker.setLocale(Locale.UK);
    freemarker.setLocalizedLookup(false);
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setAPIBuiltinEnabled(false);
    GovukTemplates.configure(freemarker);
  }

  /** Renders {@code name} (under the site's template folder) with this model. */
  String render(String name, Map<String, ?> model) {
    StringWriter out = new StringWriter(16_384);
    try {
      freemarker.getTemplate(name).process(model, out);
    } catch (TemplateException e) {
      throw new IllegalStateException("The docs template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the docs template " + name, e);
    }
    return out.toString();
  }
}

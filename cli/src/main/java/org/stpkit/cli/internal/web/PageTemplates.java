package org.stpkit.cli.internal.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import org.stpkit.templates.GovukTemplates;

/**
 * The CLI's own FreeMarker templates under one classpath folder, with the kit's govuk templates
 * added the way any service adds them ({@link GovukTemplates#configure}): the CLI's pages are the
 * GOV.UK page template and components, and their markup stays in {@code .ftlh} files.
 */
public final class PageTemplates {
  private final String folder;
  private final Configuration freemarker;

  /** Templates under {@code folder} on the classpath, such as {@code /org/stpkit/cli/docs/templates}. */
  public PageTemplates(String folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setClassForTemplateLoading(PageTemplates.class, folder);
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

  /**
   * The words of a message bundle as a template method, so that a template writes
   * {@code ${msg("problems.heading")}} or {@code ${msg("problems.summary", problems?size)}}: each
   * message is a {@link MessageFormat} pattern, in British English.
   *
   * @param bundle the bundle's base name, such as {@code org.stpkit.cli.forms.preview}
   */
  public static TemplateMethodModelEx messages(String bundle) {
    ResourceBundle words = ResourceBundle.getBundle(Objects.requireNonNull(bundle, "bundle"), Locale.UK,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return arguments -> {
      if (arguments.isEmpty()) {
        throw new TemplateModelException("msg needs a message key");
      }
      Object[] values = new Object[arguments.size() - 1];
      for (int i = 1; i < arguments.size(); i++) {
        values[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
      }
      String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
      if (!words.containsKey(key)) {
        throw new TemplateModelException("No message '" + key + "' in " + bundle);
      }
      return new SimpleScalar(new MessageFormat(words.getString(key), Locale.UK).format(values));
    };
  }

  /** Renders {@code name} (under the folder) with this model. */
  public String render(String name, Map<String, ?> model) {
    StringWriter out = new StringWriter(16_384);
    try {
      freemarker.getTemplate(name).process(model, out);
    } catch (TemplateException e) {
      throw new IllegalStateException("The template " + folder + "/" + name + " failed: "
          + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the template " + folder + "/" + name, e);
    }
    return out.toString();
  }
}

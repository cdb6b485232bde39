package org.stpkit.examples.caseworking;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The service's words, from {@code messages.properties}, as a FreeMarker function: {@code
 * ${msg("cases.title")}} or {@code ${msg("case.reference", reference)}}. A missing key fails the
 * page loudly in development rather than showing a key to a user.
 */
final class Words implements TemplateMethodModelEx {
  private final MessageSource messages;
  private final Locale locale;

  Words(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  String get(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.isEmpty()) {
      throw new TemplateModelException("msg needs a message key");
    }
    Object[] values = new Object[arguments.size() - 1];
    for (int i = 1; i < arguments.size(); i++) {
      values[i - 1] = text(arguments.get(i));
    }
    return get(text(arguments.get(0)), values);
  }

  private static String text(Object argument) throws TemplateModelException {
    return argument instanceof TemplateScalarModel scalar ? scalar.getAsString() : String.valueOf(argument);
  }
}

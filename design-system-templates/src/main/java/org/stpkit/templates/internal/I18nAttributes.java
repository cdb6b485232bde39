package org.stpkit.templates.internal;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;

/**
 * {@code govukI18nAttributes(key, message, messages)}: govuk-frontend's {@code macros/i18n.njk}.
 * Writes {@code data-i18n.<key>="..."}, or one {@code data-i18n.<key>.<plural rule>} per plural
 * form when {@code messages} is given.
 */
public final class I18nAttributes implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() < 2 || arguments.size() > 3) {
      throw new TemplateModelException("govukI18nAttributes takes (key, message[, messages])");
    }
    String key = JsValues.escapeHtml(JsValues.toJsString((TemplateModel) arguments.get(0)));
    TemplateModel message = (TemplateModel) arguments.get(1);
    TemplateModel messages = arguments.size() == 3 ? (TemplateModel) arguments.get(2) : null;
    StringBuilder html = new StringBuilder();
    if (JsValues.isTruthy(messages) && messages instanceof TemplateHashModelEx2) {
      TemplateHashModelEx2.KeyValuePairIterator pairs = ((TemplateHashModelEx2) messages).keyValuePairIterator();
      while (pairs.hasNext()) {
        TemplateHashModelEx2.KeyValuePair pair = pairs.next();
        html.append(" data-i18n.").append(key).append('.')
            .append(JsValues.escapeHtml(JsValues.toJsString(pair.getKey())))
            .append("=\"").append(JsValues.escapeHtml(JsValues.toJsString(pair.getValue()))).append('"');
      }
    } else if (JsValues.isTruthy(message)) {
      html.append(" data-i18n.").append(key)
          .append("=\"").append(JsValues.escapeHtml(JsValues.toJsString(message))).append('"');
    }
    return HTMLOutputFormat.INSTANCE.fromMarkup(html.toString());
  }
}

package org.stpkit.templates.internal;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import org.stpkit.templates.internal.html.Js;

/**
 * {@code govukAttributes(attributes)}: govuk-frontend's {@code macros/attributes.njk} as a
 * FreeMarker method. Returns markup such as {@code  id="x" disabled}.
 *
 * <p>A string is output as given (govuk-frontend treats it as trusted markup); a hash maps each
 * attribute name to a value, or to {@code {value, optional}}: optional attributes are left out when
 * undefined, null or false, and written as a bare name when {@code true}.
 */
public final class HtmlAttributes implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1) {
      throw new TemplateModelException("govukAttributes takes one argument, got " + arguments.size());
    }
    return HTMLOutputFormat.INSTANCE.fromMarkup(render((TemplateModel) arguments.get(0)));
  }

  public static String render(TemplateModel attributes) throws TemplateModelException {
    if (JsValues.isNullish(attributes)) {
      return "";
    }
    if (attributes instanceof TemplateMarkupOutputModel) {
      return JsValues.toJsString(attributes);
    }
    if (attributes instanceof TemplateScalarModel) {
      return ((TemplateScalarModel) attributes).getAsString();
    }
    if (!Hashes.isListable(attributes)) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    for (java.util.Map.Entry<String, TemplateModel> entry : Hashes.entries(attributes).entrySet()) {
      String name = entry.getKey();
      TemplateModel item = entry.getValue();
      TemplateModel value = item;
      boolean optional = false;
      if (Hashes.isListable(item) && !(item instanceof TemplateScalarModel)) {
        freemarker.template.TemplateHashModel options = (freemarker.template.TemplateHashModel) item;
        value = options.get("value");
        TemplateModel optionalFlag = options.get("optional");
        optional = optionalFlag instanceof TemplateBooleanModel
            && ((TemplateBooleanModel) optionalFlag).getAsBoolean();
      }
      boolean absent = JsValues.isNullish(value);
      String valueHtml;
      if (absent) {
        valueHtml = "";
      } else if (value instanceof TemplateMarkupOutputModel) {
        valueHtml = JsValues.toJsString(value);
      } else {
        valueHtml = Js.escape(JsValues.toJsString(value));
      }
      boolean isBoolean = value instanceof TemplateBooleanModel && !(value instanceof TemplateScalarModel);
      boolean isTrue = isBoolean && ((TemplateBooleanModel) value).getAsBoolean();
      boolean isFalse = isBoolean && !((TemplateBooleanModel) value).getAsBoolean();
      if (optional && isTrue) {
        html.append(' ').append(Js.escape(name));
      } else if (!optional || !(absent || isFalse)) {
        html.append(' ').append(Js.escape(name)).append("=\"").append(valueHtml).append('"');
      }
    }
    return html.toString();
  }
}

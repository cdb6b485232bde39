package org.stpkit.templates.internal;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;

/** {@code truthy(x)}: JavaScript truthiness, as govuk-frontend's {@code {% if x %}} tests it. */
public final class Truthy implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1) {
      throw new TemplateModelException("truthy takes one argument, got " + arguments.size());
    }
    return JsValues.isTruthy((TemplateModel) arguments.get(0))
        ? TemplateBooleanModel.TRUE
        : TemplateBooleanModel.FALSE;
  }
}

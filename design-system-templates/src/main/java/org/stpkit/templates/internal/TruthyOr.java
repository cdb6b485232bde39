package org.stpkit.templates.internal;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;

/**
 * {@code truthyOr(x, fallback)}: Nunjucks' {@code x | default(fallback, true)}, which replaces
 * every falsy value, not only a missing one.
 */
public final class TruthyOr implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 2) {
      throw new TemplateModelException("truthyOr takes (value, fallback), got " + arguments.size() + " arguments");
    }
    TemplateModel value = (TemplateModel) arguments.get(0);
    return JsValues.isTruthy(value) ? value : (TemplateModel) arguments.get(1);
  }
}

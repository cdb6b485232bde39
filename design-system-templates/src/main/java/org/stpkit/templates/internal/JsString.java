package org.stpkit.templates.internal;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;

/** {@code jsString(x)}: JavaScript's {@code String(x)}, with undefined as the empty string. */
public final class JsString implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1) {
      throw new TemplateModelException("jsString takes one argument, got " + arguments.size());
    }
    return new SimpleScalar(JsValues.toJsString((TemplateModel) arguments.get(0)));
  }
}

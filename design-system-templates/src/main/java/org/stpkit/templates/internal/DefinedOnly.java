package org.stpkit.templates.internal;

import freemarker.template.SimpleHash;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code definedOnly({...})}: the hash without its undefined values, for passing params on to
 * another component. In a hash literal {@code {"text": (params.hint.text)!}} holds FreeMarker's
 * "nothing" value, which the receiving macro's {@code x!"default"} would keep; Nunjucks would pass
 * undefined and the default would apply.
 */
public final class DefinedOnly implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1 || !Hashes.isListable((TemplateModel) arguments.get(0))) {
      throw new TemplateModelException("definedOnly takes one hash");
    }
    Map<String, Object> defined = new LinkedHashMap<>();
    for (Map.Entry<String, TemplateModel> entry : Hashes.entries((TemplateModel) arguments.get(0)).entrySet()) {
      if (!JsValues.isUndefined(entry.getValue())) {
        defined.put(entry.getKey(), entry.getValue());
      }
    }
    return new SimpleHash(defined, null);
  }
}

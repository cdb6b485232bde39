package org.stpkit.templates.internal;

import freemarker.template.SimpleHash;
import freemarker.template.TemplateHashModelEx2;
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
    if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateHashModelEx2)) {
      throw new TemplateModelException("definedOnly takes one hash");
    }
    Map<String, Object> defined = new LinkedHashMap<>();
    TemplateHashModelEx2.KeyValuePairIterator pairs = ((TemplateHashModelEx2) arguments.get(0)).keyValuePairIterator();
    while (pairs.hasNext()) {
      TemplateHashModelEx2.KeyValuePair pair = pairs.next();
      if (!JsValues.isUndefined(pair.getValue())) {
        defined.put(JsValues.toJsString(pair.getKey()), pair.getValue());
      }
    }
    return new SimpleHash(defined, null);
  }
}

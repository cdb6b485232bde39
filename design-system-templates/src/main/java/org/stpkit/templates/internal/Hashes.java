package org.stpkit.templates.internal;

import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads any listable FreeMarker hash in its own order (hash literals, sums of hashes, Java maps). */
final class Hashes {
  private Hashes() {}

  static boolean isListable(TemplateModel model) {
    return model instanceof TemplateHashModelEx;
  }

  /** Key (as JavaScript would print it) to value, in the hash's order. */
  static Map<String, TemplateModel> entries(TemplateModel model) throws TemplateModelException {
    Map<String, TemplateModel> entries = new LinkedHashMap<>();
    if (model instanceof TemplateHashModelEx2) {
      TemplateHashModelEx2.KeyValuePairIterator pairs = ((TemplateHashModelEx2) model).keyValuePairIterator();
      while (pairs.hasNext()) {
        TemplateHashModelEx2.KeyValuePair pair = pairs.next();
        entries.put(JsValues.toJsString(pair.getKey()), pair.getValue());
      }
    } else if (model instanceof TemplateHashModelEx) {
      TemplateHashModelEx hash = (TemplateHashModelEx) model;
      TemplateModelIterator keys = hash.keys().iterator();
      while (keys.hasNext()) {
        String key = JsValues.toJsString(keys.next());
        entries.put(key, hash.get(key));
      }
    }
    return entries;
  }
}

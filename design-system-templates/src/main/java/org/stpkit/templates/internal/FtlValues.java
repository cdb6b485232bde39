package org.stpkit.templates.internal;

import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.utility.DeepUnwrap;
import freemarker.template.AdapterTemplateModel;
import freemarker.ext.util.WrapperTemplateModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.Markup;

/**
 * Converts the values a FreeMarker template passes to a component into the JSON-like Java values
 * the components read: hashes to maps, sequences to lists, markup to {@link Markup}; {@link JsNull}
 * to {@link Js#NULL}; missing values (and FreeMarker's {@code x!} default) to undefined.
 */
final class FtlValues {
  private FtlValues() {}

  static Map<String, Object> toJavaMap(Map<?, ?> templateParams) throws TemplateModelException {
    Map<String, Object> params = new LinkedHashMap<>(templateParams.size() * 2);
    for (Map.Entry<?, ?> entry : templateParams.entrySet()) {
      Object value = toJava((TemplateModel) entry.getValue());
      if (value != null) {
        params.put(String.valueOf(entry.getKey()), value == Js.NULL ? null : value);
      }
    }
    return params;
  }

  /** The Java value; null for undefined, {@link Js#NULL} for JSON null. */
  static @Nullable Object toJava(@Nullable TemplateModel model) throws TemplateModelException {
    if (JsValues.isUndefined(model)) {
      return null;
    }
    if (model == JsNull.INSTANCE) {
      return Js.NULL;
    }
    if (model instanceof TemplateMarkupOutputModel) {
      return new Markup(JsValues.toJsString(model));
    }
    if (model instanceof WrapperTemplateModel || model instanceof AdapterTemplateModel) {
      // Java values handed to the template: already JSON-like.
      return DeepUnwrap.unwrap(model);
    }
    if (model instanceof TemplateScalarModel) {
      return ((TemplateScalarModel) model).getAsString();
    }
    if (model instanceof TemplateNumberModel) {
      return ((TemplateNumberModel) model).getAsNumber();
    }
    if (model instanceof TemplateBooleanModel) {
      return ((TemplateBooleanModel) model).getAsBoolean();
    }
    if (model instanceof TemplateHashModelEx) {
      return map((TemplateHashModelEx) model);
    }
    if (model instanceof TemplateSequenceModel || model instanceof TemplateCollectionModel) {
      return list(model);
    }
    throw new TemplateModelException("A " + model.getClass().getSimpleName()
        + " (such as a macro) cannot be a component param; pass a string, number, boolean, hash or sequence");
  }

  /** A hash as a map, keeping its order; undefined values are left out. */
  private static Map<String, Object> map(TemplateHashModelEx hash) throws TemplateModelException {
    if (hash instanceof TemplateHashModelEx2) {
      Map<String, Object> map = new LinkedHashMap<>();
      TemplateHashModelEx2.KeyValuePairIterator pairs = ((TemplateHashModelEx2) hash).keyValuePairIterator();
      while (pairs.hasNext()) {
        TemplateHashModelEx2.KeyValuePair pair = pairs.next();
        putDefined(map, JsValues.toJsString(pair.getKey()), toJava(pair.getValue()));
      }
      return map;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    TemplateModelIterator keys = hash.keys().iterator();
    while (keys.hasNext()) {
      String key = JsValues.toJsString(keys.next());
      putDefined(map, key, toJava(hash.get(key)));
    }
    return map;
  }

  /** A sequence or collection as a list; JSON null items stay null. */
  private static List<Object> list(TemplateModel model) throws TemplateModelException {
    List<Object> list = new ArrayList<>();
    if (model instanceof TemplateSequenceModel) {
      TemplateSequenceModel sequence = (TemplateSequenceModel) model;
      for (int i = 0; i < sequence.size(); i++) {
        Object item = toJava(sequence.get(i));
        list.add(item == Js.NULL ? null : item);
      }
      return list;
    }
    TemplateModelIterator items = ((TemplateCollectionModel) model).iterator();
    while (items.hasNext()) {
      Object item = toJava(items.next());
      list.add(item == Js.NULL ? null : item);
    }
    return list;
  }

  private static void putDefined(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value == Js.NULL ? null : value);
    }
  }
}

package org.stpkit.templates.internal;

import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/** FreeMarker's default wrapper, except that Java {@code null} becomes {@link JsNull}. */
final class JsObjectWrapper extends DefaultObjectWrapper {
  JsObjectWrapper() {
    super(FreemarkerSetup.VERSION);
    setForceLegacyNonListCollections(false);
    setIterableSupport(true);
    setUseAdaptersForContainers(true);
    writeProtect();
  }

  @Override
  public TemplateModel wrap(Object obj) throws TemplateModelException {
    return obj == null ? JsNull.INSTANCE : super.wrap(obj);
  }
}

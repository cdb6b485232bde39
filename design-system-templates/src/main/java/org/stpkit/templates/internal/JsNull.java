package org.stpkit.templates.internal;

import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;

/**
 * JSON {@code null} in params. FreeMarker would treat it as missing, but Nunjucks tells the two
 * apart: {@code default("Error")} replaces undefined and keeps null. So a null param is this value:
 * falsy, printed as the empty string, and defined (FreeMarker's {@code x!"default"} keeps it).
 */
public final class JsNull implements TemplateScalarModel, TemplateHashModel {
  public static final JsNull INSTANCE = new JsNull();

  private JsNull() {}

  @Override
  public String getAsString() {
    return "";
  }

  @Override
  public TemplateModel get(String key) {
    return null;
  }

  @Override
  public boolean isEmpty() {
    return true;
  }

  @Override
  public String toString() {
    return "null";
  }
}

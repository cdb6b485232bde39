package org.stpkit.templates.internal;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;

/**
 * {@code jsTrim(x)}: Nunjucks' {@code trim} filter, which is JavaScript's {@code String.trim}: it
 * also strips non-breaking and other Unicode spaces that FreeMarker's {@code ?trim} keeps.
 */
public final class JsTrim implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1) {
      throw new TemplateModelException("jsTrim takes one argument, got " + arguments.size());
    }
    return new SimpleScalar(trim(JsValues.toJsString((TemplateModel) arguments.get(0))));
  }

  static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJsWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** ECMAScript WhiteSpace and LineTerminator code points. */
  private static boolean isJsWhitespace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' '
        || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
  }
}

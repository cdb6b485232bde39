package org.stpkit.templates.internal;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.core.TemplateMarkupOutputModel;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Js;

/**
 * The JavaScript value rules that govuk-frontend's Nunjucks templates rely on, applied to
 * FreeMarker values: truthiness and string conversion ({@link Js} has the rest, for Java values).
 */
public final class JsValues {
  private JsValues() {}

  /**
   * A value the template could not see: missing, Java null, or what FreeMarker's {@code x!} gives
   * for a missing {@code x} (an empty value that is a string, a sequence and a hash at once, which
   * no param value ever is).
   */
  public static boolean isUndefined(@Nullable TemplateModel value) throws TemplateModelException {
    if (value == null || value == TemplateModel.NOTHING) {
      return true;
    }
    return value instanceof TemplateScalarModel
        && value instanceof TemplateSequenceModel
        && value instanceof freemarker.template.TemplateHashModel
        && ((TemplateScalarModel) value).getAsString().isEmpty();
  }

  /** Undefined or JSON null: what Nunjucks templates test with {@code in [undefined, null]}. */
  public static boolean isNullish(@Nullable TemplateModel value) throws TemplateModelException {
    return isUndefined(value) || value == JsNull.INSTANCE;
  }

  /** JavaScript truthiness: {@code ""}, {@code 0}, {@code NaN}, {@code false} and undefined are false. */
  public static boolean isTruthy(@Nullable TemplateModel value) throws TemplateModelException {
    if (isUndefined(value)) {
      return false;
    }
    if (value instanceof TemplateBooleanModel) {
      return ((TemplateBooleanModel) value).getAsBoolean();
    }
    if (value instanceof TemplateNumberModel) {
      Number number = ((TemplateNumberModel) value).getAsNumber();
      double asDouble = number.doubleValue();
      return asDouble != 0 && !Double.isNaN(asDouble);
    }
    if (value instanceof TemplateScalarModel) {
      return !((TemplateScalarModel) value).getAsString().isEmpty();
    }
    if (value instanceof TemplateMarkupOutputModel) {
      return true;
    }
    // Objects and arrays (hashes, sequences, macros) are truthy in JavaScript even when empty.
    return true;
  }

  /** JavaScript's {@code String(value)} for the values params can hold. */
  public static String toJsString(@Nullable TemplateModel value) throws TemplateModelException {
    if (isUndefined(value)) {
      return "";
    }
    if (value instanceof TemplateScalarModel) {
      return ((TemplateScalarModel) value).getAsString();
    }
    if (value instanceof TemplateNumberModel) {
      return Js.numberToString(((TemplateNumberModel) value).getAsNumber());
    }
    if (value instanceof TemplateBooleanModel) {
      return ((TemplateBooleanModel) value).getAsBoolean() ? "true" : "false";
    }
    if (value instanceof TemplateMarkupOutputModel) {
      return markupToString((TemplateMarkupOutputModel<?>) value);
    }
    if (value instanceof TemplateSequenceModel) {
      TemplateSequenceModel sequence = (TemplateSequenceModel) value;
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < sequence.size(); i++) {
        if (i > 0) {
          joined.append(',');
        }
        joined.append(toJsString(sequence.get(i)));
      }
      return joined.toString();
    }
    return "[object Object]";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String markupToString(TemplateMarkupOutputModel markup) throws TemplateModelException {
    return markup.getOutputFormat().getMarkupString(markup);
  }
}

package org.stpkit.templates.internal;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.core.TemplateMarkupOutputModel;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The JavaScript value rules that govuk-frontend's Nunjucks templates rely on, applied to
 * FreeMarker values: truthiness, string conversion and Nunjucks' HTML escaping.
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
      return numberToJsString(((TemplateNumberModel) value).getAsNumber());
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

  static String numberToJsString(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof Byte || number instanceof BigInteger) {
      return number.toString();
    }
    double asDouble = number.doubleValue();
    if (Double.isNaN(asDouble)) {
      return "NaN";
    }
    if (Double.isInfinite(asDouble)) {
      return asDouble > 0 ? "Infinity" : "-Infinity";
    }
    if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 1e21) {
      return new BigDecimal(asDouble).toBigInteger().toString();
    }
    if (number instanceof BigDecimal) {
      return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }
    return Double.toString(asDouble);
  }

  /** Nunjucks' {@code escape} filter: {@code & < > " '} and backslash. */
  public static String escapeHtml(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement;
      switch (c) {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '"': replacement = "&quot;"; break;
        case '\'': replacement = "&#39;"; break;
        case '\\': replacement = "&#92;"; break;
        default: replacement = null;
      }
      if (replacement != null) {
        if (escaped == null) {
          escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        escaped.append(replacement);
      } else if (escaped != null) {
        escaped.append(c);
      }
    }
    return escaped == null ? text : escaped.toString();
  }
}

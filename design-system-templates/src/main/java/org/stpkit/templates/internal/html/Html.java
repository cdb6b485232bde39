package org.stpkit.templates.internal.html;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The HTML a component writes, with the output rules of govuk-frontend's Nunjucks templates:
 * {@code {{ value }}} escapes, {@code | safe} does not, and undefined or null print nothing.
 *
 * <p>Components write no leading or trailing whitespace, so a component's output is already what
 * Nunjucks' {@code | trim} gives, and one component can write straight into another's output.
 */
public final class Html {
  private final StringBuilder out;

  public Html() {
    this(new StringBuilder(512));
  }

  public Html(StringBuilder out) {
    this.out = out;
  }

  /** Markup written by the component itself. */
  public Html raw(String markup) {
    out.append(markup);
    return this;
  }

  public Html raw(char markup) {
    out.append(markup);
    return this;
  }

  /** {@code {{ value }}}: escaped, except trusted {@link Markup}; nothing for undefined or null. */
  public Html text(@Nullable Object value) {
    if (value instanceof String) {
      Js.appendEscaped(out, (String) value);
    } else if (value instanceof Markup) {
      out.append(((Markup) value).html());
    } else if (!Js.isNullish(value)) {
      Js.appendEscaped(out, Js.string(value));
    }
    return this;
  }

  /** {@code {{ value | safe }}}: as given; nothing for undefined or null. */
  public Html safe(@Nullable Object value) {
    if (!Js.isNullish(value)) {
      out.append(Js.string(value));
    }
    return this;
  }

  /** {@code {{ value | safe | trim }}}. */
  public Html safeTrimmed(@Nullable Object value) {
    if (!Js.isNullish(value)) {
      out.append(Js.trim(Js.string(value)));
    }
    return this;
  }

  /**
   * {@code {{ value | trim }}}: escaped, except a safe string, which Nunjucks' {@code trim} keeps
   * safe; nothing for undefined or null.
   */
  public Html textTrimmed(@Nullable Object value) {
    if (value instanceof Markup) {
      return text(new Markup(Js.trim(((Markup) value).html())));
    }
    return Js.isNullish(value) ? this : text(Js.trim(Js.string(value)));
  }

  /** {@code {{ html | safe | trim if html else text }}}: the most common content rule. */
  public Html htmlOrText(@Nullable Object html, @Nullable Object text) {
    return Js.truthy(html) ? safeTrimmed(html) : text(text);
  }

  /** {@code {{ params.html | safe | trim if params.html else params.text }}}. */
  public Html htmlOrText(JsObject params) {
    return htmlOrText(params.get("html"), params.get("text"));
  }

  /**
   * {@code {{ html | safe if html else text }}}: as {@link #htmlOrText(Object, Object)}, for the
   * templates that print the html without trimming it, where its whitespace can show (in a link,
   * say).
   */
  public Html htmlOrTextUntrimmed(@Nullable Object html, @Nullable Object text) {
    return Js.truthy(html) ? safe(html) : text(text);
  }

  /** {@code {{ params.html | safe if params.html else params.text }}}. */
  public Html htmlOrTextUntrimmed(JsObject params) {
    return htmlOrTextUntrimmed(params.get("html"), params.get("text"));
  }

  /**
   * A space and the escaped value when truthy: the {@code {%- if x %} {{ x }}{% endif %}} that
   * appends optional classes to a class attribute.
   */
  public Html spaceAndText(@Nullable Object value) {
    if (Js.truthy(value)) {
      out.append(' ');
      text(value);
    }
    return this;
  }

  /** {@code  name="value"}, always written; undefined and null give an empty value. */
  public Html attribute(String name, @Nullable Object value) {
    out.append(' ').append(name).append("=\"");
    text(value);
    out.append('"');
    return this;
  }

  /**
   * An optional attribute, as govukAttributes writes {@code {value, optional: true}}: left out when
   * undefined, null or false; a bare name when true.
   */
  public Html optionalAttribute(String name, @Nullable Object value) {
    if (Js.isNullish(value) || Boolean.FALSE.equals(value)) {
      return this;
    }
    if (Boolean.TRUE.equals(value)) {
      out.append(' ').append(name);
      return this;
    }
    return attribute(name, value);
  }

  /**
   * govuk-frontend's {@code govukAttributes(attributes)}: a string is trusted markup and written as
   * is; an object maps names to values or to {@code {value, optional}}; anything else writes nothing.
   */
  public Html attributes(@Nullable Object attributes) {
    if (attributes instanceof String) {
      out.append((String) attributes);
      return this;
    }
    if (attributes instanceof Markup) {
      out.append(((Markup) attributes).html());
      return this;
    }
    if (!(attributes instanceof Map)) {
      return this;
    }
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) attributes).entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object item = entry.getValue();
      Object value = item;
      boolean optional = false;
      if (item instanceof Map) {
        JsObject options = JsObject.of(item);
        value = options.get("value");
        optional = Boolean.TRUE.equals(options.get("optional"));
      } else if (item == null) {
        value = Js.NULL;
      }
      if (optional && Boolean.TRUE.equals(value)) {
        out.append(' ');
        Js.appendEscaped(out, name);
      } else if (!optional || !(Js.isNullish(value) || Boolean.FALSE.equals(value))) {
        out.append(' ');
        Js.appendEscaped(out, name);
        out.append("=\"");
        text(value);
        out.append('"');
      }
    }
    return this;
  }

  /**
   * The loop MoJ Frontend's templates write attributes with, where govuk-frontend's call
   * govukAttributes: {@code {% for name, value in x %} {{ name }}="{{ value }}"{% endfor %}}. Both
   * name and value are escaped, and a value is printed as it is ({@code {value, optional}} objects
   * mean nothing here). Nunjucks walks a string as index and character pairs and an array as
   * pairs of its items' first two elements, so this does too; anything else writes nothing.
   */
  public Html attributeLoop(@Nullable Object attributes) {
    if (attributes instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) attributes).entrySet()) {
        loopAttribute(entry.getKey(), entry.getValue() == null ? Js.NULL : entry.getValue());
      }
    } else if (attributes instanceof String) {
      String text = (String) attributes;
      for (int i = 0; i < text.length(); i++) {
        loopAttribute(i, String.valueOf(text.charAt(i)));
      }
    } else if (attributes instanceof List) {
      for (Object pair : (List<?>) attributes) {
        List<?> items = Js.iterable(pair);
        loopAttribute(items.isEmpty() ? null : items.get(0), items.size() < 2 ? null : items.get(1));
      }
    }
    return this;
  }

  private void loopAttribute(@Nullable Object name, @Nullable Object value) {
    out.append(' ');
    text(name);
    out.append("=\"");
    text(value);
    out.append('"');
  }

  /** govuk-frontend's {@code govukI18nAttributes({key, message})}. */
  public Html i18nAttributes(String key, @Nullable Object message) {
    return i18nAttributes(key, message, null);
  }

  /**
   * govuk-frontend's {@code govukI18nAttributes({key, message, messages})}: one {@code
   * data-i18n.<key>.<plural rule>} per entry of {@code messages} when given, else {@code
   * data-i18n.<key>}.
   */
  public Html i18nAttributes(String key, @Nullable Object message, @Nullable Object messages) {
    if (Js.truthy(messages)) {
      if (messages instanceof Map) {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) messages).entrySet()) {
          out.append(" data-i18n.").append(key).append('.');
          Js.appendEscaped(out, String.valueOf(entry.getKey()));
          out.append("=\"");
          Js.appendEscaped(out, entry.getValue() == null ? "" : Js.string(entry.getValue()));
          out.append('"');
        }
      }
    } else if (Js.truthy(message)) {
      out.append(" data-i18n.").append(key).append("=\"");
      Js.appendEscaped(out, Js.string(message));
      out.append('"');
    }
    return this;
  }

  /** The number of characters written so far; with {@link #cut(int)} a component can capture a part. */
  public int length() {
    return out.length();
  }

  /** What was written since {@code start}, removed from the output: for content that is reused or tested. */
  public String cut(int start) {
    String part = out.substring(start);
    out.setLength(start);
    return part;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

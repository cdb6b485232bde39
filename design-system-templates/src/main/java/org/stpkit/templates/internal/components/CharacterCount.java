package org.stpkit.templates.internal.components;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/character-count/template.njk}. */
final class CharacterCount implements Component {
  static final CharacterCount INSTANCE = new CharacterCount();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject formGroup = params.object("formGroup");
    JsObject label = params.object("label");

    // ("words" if params.maxwords) is "" when the condition fails: an inline if without else.
    Object countType = params.truthy("countType") ? params.get("countType")
        : params.truthy("maxwords") ? "words" : "";
    boolean hasNoLimit = !params.truthy("maxwords") && !params.truthy("maxlength");
    Object textareaDescriptionLength = Js.or(params.get("maxwords"), params.get("maxlength"));
    Object textareaDescriptionText = Js.or(params.get("textareaDescriptionText"),
        "You can enter up to %{count} " + (Js.looselyEquals(countType, "words") ? "words" : "characters"));
    Object textareaDescriptionTextNoLimit = hasNoLimit ? ""
        : replaceCount(textareaDescriptionText, Js.string(textareaDescriptionLength));
    Object id = params.truthy("id") ? params.get("id") : params.get("name");

    Html countMessage = countMessage(params, formGroup, textareaDescriptionTextNoLimit, id);
    Html attributes = attributes(params, formGroup, countType, hasNoLimit);

    Object formGroupClasses = formGroup.get("classes");
    Object classes = params.get("classes");
    Textarea.INSTANCE.render(JsObject.of(Js.object(
        "id", id,
        "name", params.get("name"),
        "describedBy", Js.string(id) + "-info",
        "rows", params.get("rows"),
        "spellcheck", params.get("spellcheck"),
        "value", params.get("value"),
        "formGroup", Js.object(
            "classes", "govuk-character-count"
                + (Js.truthy(formGroupClasses) ? " " + Js.string(formGroupClasses) : ""),
            "attributes", attributes.toString(),
            "beforeInput", formGroup.get("beforeInput"),
            "afterInput", Js.object("html", new Markup(countMessage.toString()))),
        "classes", "govuk-js-character-count" + (Js.truthy(classes) ? " " + Js.string(classes) : ""),
        "label", Js.object(
            "html", label.get("html"),
            "text", label.get("text"),
            "classes", label.get("classes"),
            "isPageHeading", label.get("isPageHeading"),
            "attributes", label.get("attributes"),
            "for", id),
        "hint", params.get("hint"),
        "errorMessage", params.get("errorMessage"),
        "attributes", params.get("attributes"))), null, out);
  }

  /** The hint under the textarea that counts down, and the form group's {@code afterInput}. */
  private static Html countMessage(JsObject params, JsObject formGroup, Object description, @Nullable Object id) {
    Html countMessage = new Html();
    Object countMessageClasses = params.object("countMessage").get("classes");
    Hint.INSTANCE.render(JsObject.of(Js.object(
        "text", description,
        "id", Js.string(id) + "-info",
        "classes", "govuk-character-count__message"
            + (Js.truthy(countMessageClasses) ? " " + Js.string(countMessageClasses) : ""))), null, countMessage);
    if (formGroup.truthy("afterInput")) {
      countMessage.raw('\n').htmlOrText(formGroup.object("afterInput"));
    }
    return countMessage;
  }

  /** The form group's attributes: the module's limits and its i18n texts for the script. */
  private static Html attributes(JsObject params, JsObject formGroup, Object countType, boolean hasNoLimit) {
    Html attributes = new Html();
    attributes.attributes(Js.object(
        "data-module", "govuk-character-count",
        "data-maxlength", Js.object("value", params.get("maxlength"), "optional", true),
        "data-maxwords", Js.object("value", params.get("maxwords"), "optional", true),
        "data-threshold", Js.object("value", params.get("threshold"), "optional", true),
        "data-count-type", Js.object("value", Js.truthy(countType) ? countType : false, "optional", true)));
    // Without a limit the description can only be interpolated in JavaScript, if one was given.
    if (hasNoLimit && params.truthy("textareaDescriptionText")) {
      attributes.i18nAttributes("textarea-description", null,
          Js.object("other", params.get("textareaDescriptionText")));
    }
    attributes
        .i18nAttributes("characters-under-limit", null, params.get("charactersUnderLimitText"))
        .i18nAttributes("characters-at-limit", params.get("charactersAtLimitText"))
        .i18nAttributes("characters-over-limit", null, params.get("charactersOverLimitText"))
        .i18nAttributes("words-under-limit", null, params.get("wordsUnderLimitText"))
        .i18nAttributes("words-at-limit", params.get("wordsAtLimitText"))
        .i18nAttributes("words-over-limit", null, params.get("wordsOverLimitText"));
    appendFormGroupAttributes(formGroup.get("attributes"), attributes);
    return attributes;
  }

  /**
   * Nunjucks' {@code replace} filter: strings and numbers get every occurrence replaced, safe
   * strings stay safe, and anything else is returned as it is.
   */
  private static Object replaceCount(Object text, String replacement) {
    if (text instanceof Markup) {
      return new Markup(((Markup) text).html().replace("%{count}", replacement));
    }
    if (text instanceof String || text instanceof Number) {
      return Js.string(text).replace("%{count}", replacement);
    }
    return text;
  }

  /**
   * {@code {% for name, value in params.formGroup.attributes %}}: an array binds each item's first
   * two entries, anything else is iterated as {@code for (name in value)}.
   */
  private static void appendFormGroupAttributes(@Nullable Object formGroupAttributes, Html out) {
    if (!Js.truthy(formGroupAttributes)) {
      return;
    }
    if (formGroupAttributes instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) formGroupAttributes).entrySet()) {
        appendAttribute(entry.getKey(), entry.getValue(), out);
      }
    } else if (formGroupAttributes instanceof List) {
      for (Object item : (List<?>) formGroupAttributes) {
        appendAttribute(index(item, 0), index(item, 1), out);
      }
    } else if (formGroupAttributes instanceof String) {
      String string = (String) formGroupAttributes;
      for (int i = 0; i < string.length(); i++) {
        appendAttribute(String.valueOf(i), String.valueOf(string.charAt(i)), out);
      }
    }
  }

  /** {@code " " + name | escape + '="' + value | escape + '"'}. */
  private static void appendAttribute(@Nullable Object name, @Nullable Object value, Html out) {
    out.raw(' ').text(name).raw("=\"").text(value).raw('"');
  }

  /** {@code item[index]}. */
  private static @Nullable Object index(@Nullable Object item, int index) {
    if (item instanceof List) {
      List<?> list = (List<?>) item;
      return index < list.size() ? list.get(index) : null;
    }
    if (item instanceof String) {
      String string = (String) item;
      return index < string.length() ? String.valueOf(string.charAt(index)) : null;
    }
    return JsObject.of(item).get(String.valueOf(index));
  }
}

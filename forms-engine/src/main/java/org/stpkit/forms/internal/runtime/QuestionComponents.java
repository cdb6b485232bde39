package org.stpkit.forms.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stpkit.forms.LocalisedText;
import org.stpkit.forms.Option;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.internal.view.Block;
import org.stpkit.templates.GovukTemplates;

/**
 * The govuk-frontend component, and its params, that asks a question: an input with the right
 * type, autocomplete and width; a date input; radios; checkboxes; a select; or a fieldset of inputs
 * for an address or a name. A page's only question is its heading (label or legend as the h1).
 */
final class QuestionComponents {
  private final Messages messages;
  private final String language;
  private final GovukTemplates templates;
  /** The same for every autocomplete on every page in this language: made once. */
  private final Map<String, Object> autocompleteAttributes;

  QuestionComponents(Messages messages, GovukTemplates templates) {
    this.messages = messages;
    this.language = messages.language();
    this.templates = templates;
    this.autocompleteAttributes = autocompleteAttributes(messages);
  }

  /** The component that asks a question, as a block of the page. */
  Block block(Question question, Map<String, Map<String, List<String>>> answers,
      Map<String, FieldError> errors, boolean isPageHeading) {
    Map<String, List<String>> fields = answers.getOrDefault(question.name(), Map.of());
    Optional<FieldError> error = Optional.ofNullable(errors.get(question.name()));
    String macro;
    Map<String, Object> params;
    switch (question.type()) {
      case LONG_TEXT:
        boolean counted = question.validation().maxLength().isPresent() || question.validation().maxWords().isPresent();
        macro = counted ? "govukCharacterCount" : "govukTextarea";
        params = field(question, fields, error, isPageHeading);
        question.validation().maxLength().ifPresent(max -> params.put("maxlength", max));
        question.validation().maxWords().ifPresent(max -> params.put("maxwords", max));
        break;
      case DATE:
        macro = "govukDateInput";
        params = dateInput(question, fields, error, isPageHeading);
        break;
      case YES_NO:
      case RADIOS:
        macro = "govukRadios";
        params = choices(question, fields, error, isPageHeading);
        if (question.type() == QuestionType.YES_NO) {
          params.put("classes", "govuk-radios--inline");
        }
        break;
      case CHECKBOXES:
        macro = "govukCheckboxes";
        params = choices(question, fields, error, isPageHeading);
        break;
      case SELECT:
      case AUTOCOMPLETE:
        macro = "govukSelect";
        params = field(question, fields, error, isPageHeading);
        params.put("items", selectItems(question, value(fields, question.name())));
        if (question.type() == QuestionType.AUTOCOMPLETE) {
          // A plain select without JavaScript; the engine's script enhances it into accessible-autocomplete.
          params.put("attributes", autocompleteAttributes);
        }
        break;
      case FILE:
        macro = "govukFileUpload";
        params = FileComponent.params(field(question, fields, error, isPageHeading), question, fields, messages);
        break;
      case ADDRESS:
      case NAME:
        macro = "govukFieldset";
        params = fieldsetOfInputs(question, fields, error, isPageHeading);
        break;
      default:
        macro = "govukInput";
        params = input(question, fields, error, isPageHeading);
        break;
    }
    if (!question.revealedQuestions().isEmpty()) {
      addRevealedQuestions(question, params, answers, errors);
    }
    return Block.component(macro, params);
  }

  /** Each option's revealed questions, rendered into the option's conditional content. */
  @SuppressWarnings("unchecked")
  private void addRevealedQuestions(Question question, Map<String, Object> params,
      Map<String, Map<String, List<String>>> answers, Map<String, FieldError> errors) {
    for (Object item : (List<Object>) params.get("items")) {
      Map<String, Object> itemParams = (Map<String, Object>) item;
      Optional<Option> option = question.options().stream()
          .filter(candidate -> candidate.value().equals(itemParams.get("value"))).findFirst();
      if (option.isEmpty() || option.get().reveal().isEmpty()) {
        continue;
      }
      StringBuilder html = new StringBuilder();
      for (Question revealed : option.get().reveal()) {
        Block block = block(revealed, answers, errors, false);
        html.append(templates.render(componentName(Objects.requireNonNull(block.macro())), block.params()));
      }
      itemParams.put("conditional", Map.of("html", html.toString()));
    }
  }

  /** The marker the engine's script enhances, and accessible-autocomplete's words in the page's language. */
  private static Map<String, Object> autocompleteAttributes(Messages messages) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("data-stp-autocomplete", "");
    for (String key : List.of("noResults", "queryTooShort", "noResultsStatus", "selectedOption", "results", "result",
        "assistiveHint")) {
      attributes.put("data-text-" + key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT),
          messages.get("autocomplete." + key));
    }
    return java.util.Collections.unmodifiableMap(attributes);
  }

  /** {@code govukCharacterCount} → {@code character-count}. */
  private static String componentName(String macro) {
    return macro.substring("govuk".length()).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private String text(LocalisedText text) {
    return text.in(language);
  }

  private static String value(Map<String, List<String>> fields, String field) {
    List<String> values = fields.get(field);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /** id, name, label, hint and error message, as input, textarea, select and character count take them. */
  private Map<String, Object> field(Question question, Map<String, List<String>> fields, Optional<FieldError> error,
      boolean isPageHeading) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("id", question.name());
    params.put("name", question.name());
    params.put("value", value(fields, question.name()));
    params.put("label", label(question.label(), isPageHeading));
    question.hint().ifPresent(hint -> params.put("hint", Map.of("text", text(hint))));
    error.ifPresent(e -> params.put("errorMessage", Map.of("text", e.message())));
    return params;
  }

  private Map<String, Object> label(LocalisedText text, boolean isPageHeading) {
    Map<String, Object> label = new LinkedHashMap<>();
    label.put("text", text(text));
    if (isPageHeading) {
      label.put("isPageHeading", true);
      label.put("classes", "govuk-label--l");
    }
    return label;
  }

  private Map<String, Object> legend(LocalisedText text, boolean isPageHeading) {
    Map<String, Object> legend = new LinkedHashMap<>();
    legend.put("text", text(text));
    legend.put("isPageHeading", isPageHeading);
    legend.put("classes", isPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--m");
    return legend;
  }

  private Map<String, Object> input(Question question, Map<String, List<String>> fields, Optional<FieldError> error,
      boolean isPageHeading) {
    Map<String, Object> params = field(question, fields, error, isPageHeading);
    String width = question.width().orElse(null);
    switch (question.type()) {
      case EMAIL:
        params.put("type", "email");
        params.put("autocomplete", question.autocomplete().orElse("email"));
        params.put("spellcheck", false);
        break;
      case PHONE:
        params.put("type", "tel");
        params.put("autocomplete", question.autocomplete().orElse("tel"));
        width = width == null ? "20" : width;
        break;
      case POSTCODE:
        params.put("autocomplete", question.autocomplete().orElse("postal-code"));
        params.put("spellcheck", false);
        width = width == null ? "10" : width;
        break;
      case NI_NUMBER:
        params.put("spellcheck", false);
        width = width == null ? "10" : width;
        break;
      case NUMBER:
        params.put("inputmode", question.validation().decimalPlaces() > 0 ? "decimal" : "numeric");
        params.put("spellcheck", false);
        width = width == null ? "10" : width;
        break;
      case MONEY:
        params.put("inputmode", "decimal");
        params.put("prefix", Map.of("text", messages.get("question.money.prefix")));
        params.put("spellcheck", false);
        width = width == null ? "10" : width;
        break;
      default:
        question.autocomplete().ifPresent(token -> params.put("autocomplete", token));
        break;
    }
    if (width != null) {
      params.put("classes", widthClass(width));
    }
    return params;
  }

  static String widthClass(String width) {
    return Character.isDigit(width.charAt(0)) ? "govuk-input--width-" + width : "govuk-!-width-" + width;
  }

  private Map<String, Object> dateInput(Question question, Map<String, List<String>> fields, Optional<FieldError> error,
      boolean isPageHeading) {
    Map<String, Object> params = new LinkedHashMap<>();
    String name = question.name();
    params.put("id", name);
    params.put("namePrefix", name);
    params.put("fieldset", Map.of("legend", legend(question.label(), isPageHeading)));
    question.hint().ifPresent(hint -> params.put("hint", Map.of("text", text(hint))));
    error.ifPresent(e -> params.put("errorMessage", Map.of("text", e.message())));
    List<Map<String, Object>> items = new ArrayList<>();
    String[][] parts = {{"day", messages.get("question.date.day"), "2", "bday-day"},
        {"month", messages.get("question.date.month"), "2", "bday-month"},
        {"year", messages.get("question.date.year"), "4", "bday-year"}};
    boolean birthday = question.autocomplete().map(token -> token.equals("bday")).orElse(false);
    for (String[] part : parts) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", part[0]);
      item.put("label", part[1]);
      item.put("value", value(fields, name + "-" + part[0]));
      boolean wrong = error.map(e -> e.parts().contains(part[0]) || e.parts().isEmpty()).orElse(false);
      item.put("classes", "govuk-input--width-" + part[2] + (wrong ? " govuk-input--error" : ""));
      if (birthday) {
        item.put("autocomplete", part[3]);
      }
      items.add(item);
    }
    params.put("items", items);
    return params;
  }

  private Map<String, Object> choices(Question question, Map<String, List<String>> fields, Optional<FieldError> error,
      boolean isPageHeading) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("idPrefix", question.name());
    params.put("name", question.name());
    params.put("fieldset", Map.of("legend", legend(question.label(), isPageHeading)));
    question.hint().ifPresent(hint -> params.put("hint", Map.of("text", text(hint))));
    error.ifPresent(e -> params.put("errorMessage", Map.of("text", e.message())));
    List<String> chosen = fields.getOrDefault(question.name(), List.of());
    List<Map<String, Object>> items = new ArrayList<>();
    List<Option> options = question.type() == QuestionType.YES_NO
        ? List.of(Option.of("yes", LocalisedText.of(messages.get("question.yes"))),
            Option.of("no", LocalisedText.of(messages.get("question.no"))))
        : question.options();
    for (int i = 0; i < options.size(); i++) {
      if (question.orDivider() && i == options.size() - 1 && i > 0) {
        items.add(Map.of("divider", messages.get("question.choice.or")));
      }
      items.add(item(options.get(i), chosen));
    }
    question.noneOption().ifPresent(none -> {
      items.add(Map.of("divider", messages.get("question.choice.or")));
      Map<String, Object> item = item(none, chosen);
      item.put("behaviour", "exclusive");
      items.add(item);
    });
    params.put("items", items);
    return params;
  }

  private Map<String, Object> item(Option option, List<String> chosen) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("value", option.value());
    item.put("text", text(option.text()));
    option.hint().ifPresent(hint -> item.put("hint", Map.of("text", text(hint))));
    item.put("checked", chosen.contains(option.value()));
    return item;
  }

  private List<Map<String, Object>> selectItems(Question question, String selected) {
    List<Map<String, Object>> items = new ArrayList<>();
    items.add(Map.of("value", "", "text", messages.get("question.select.prompt")));
    for (Option option : question.options()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("value", option.value());
      item.put("text", text(option.text()));
      item.put("selected", option.value().equals(selected));
      items.add(item);
    }
    return items;
  }

  /** An address or a name: a fieldset holding one input per part, the fieldset's legend as the question. */
  private Map<String, Object> fieldsetOfInputs(Question question, Map<String, List<String>> fields,
      Optional<FieldError> error, boolean isPageHeading) {
    String name = question.name();
    List<String[]> parts = question.type() == QuestionType.ADDRESS
        ? List.of(
            new String[] {"line1", messages.get("question.address.line1"), "address-line1", ""},
            new String[] {"line2", messages.get("question.address.line2"), "address-line2", ""},
            new String[] {"town", messages.get("question.address.town"), "address-level2", "govuk-!-width-two-thirds"},
            new String[] {"county", messages.get("question.address.county"), "", "govuk-!-width-two-thirds"},
            new String[] {"postcode", messages.get("question.address.postcode"), "postal-code", "govuk-input--width-10"})
        : List.of(
            new String[] {"given", messages.get("question.name.given"), "given-name", ""},
            new String[] {"family", messages.get("question.name.family"), "family-name", ""});
    Map<String, Object> fieldset = new LinkedHashMap<>();
    fieldset.put("legend", legend(question.label(), isPageHeading));
    StringBuilder inputs = new StringBuilder();
    question.hint().ifPresent(hint -> {
      fieldset.put("describedBy", name + "-hint");
      inputs.append(templates.render("hint", Map.of("id", name + "-hint", "text", text(hint))));
    });
    for (String[] part : parts) {
      String id = name + "-" + part[0];
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("id", id);
      input.put("name", id);
      input.put("value", value(fields, id));
      input.put("label", Map.of("text", part[1]));
      if (!part[2].isEmpty()) {
        input.put("autocomplete", part[2]);
      }
      if (!part[3].isEmpty()) {
        input.put("classes", part[3]);
      }
      error.filter(e -> e.fieldId().equals(id)).ifPresent(e -> input.put("errorMessage", Map.of("text", e.message())));
      inputs.append('\n').append(templates.render("input", input));
    }
    fieldset.put("html", inputs.toString());
    return fieldset;
  }
}

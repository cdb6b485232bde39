package org.stpkit.forms;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A question: its answer is stored under {@link #name()}.
 *
 * @param errorName what the answer is called in error messages, GOV.UK style ("your date of birth"
 *     gives "Enter your date of birth" and "Your date of birth must be a real date") and in check your
 *     answers' change links; without one, the engine takes it from a label such as "What is your
 *     date of birth?", or else uses a phrase for the type ("a date")
 * @param options the choices, for radios, checkboxes and select ({@code yes-no} has Yes and No)
 * @param errors custom error messages by rule ({@code required}, {@code format}, {@code max}, ...)
 * @param files what a file question accepts ({@link FileRules#DEFAULT} for other questions)
 */
public record Question(
    QuestionType type,
    String name,
    LocalisedText label,
    Optional<LocalisedText> hint,
    Optional<LocalisedText> errorName,
    boolean optional,
    Optional<String> width,
    Optional<String> autocomplete,
    List<Option> options,
    boolean orDivider,
    Optional<Option> noneOption,
    Validation validation,
    Map<String, LocalisedText> errors,
    FileRules files) implements PageItem {

  public Question {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(errorName, "errorName");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(autocomplete, "autocomplete");
    options = List.copyOf(options);
    Objects.requireNonNull(noneOption, "noneOption");
    Objects.requireNonNull(validation, "validation");
    errors = Map.copyOf(errors);
    Objects.requireNonNull(files, "files");
  }

  /** A question that is not a file question. */
  public Question(QuestionType type, String name, LocalisedText label, Optional<LocalisedText> hint,
      Optional<LocalisedText> errorName, boolean optional, Optional<String> width, Optional<String> autocomplete,
      List<Option> options, boolean orDivider, Optional<Option> noneOption, Validation validation,
      Map<String, LocalisedText> errors) {
    this(type, name, label, hint, errorName, optional, width, autocomplete, options, orDivider, noneOption, validation,
        errors, FileRules.DEFAULT);
  }

  /** The questions revealed by this question's options, in option order. */
  public List<Question> revealedQuestions() {
    List<Question> revealed = new java.util.ArrayList<>();
    options.forEach(option -> revealed.addAll(option.reveal()));
    return revealed;
  }

  /** The option values an answer may take; empty for free-text types. */
  public List<String> optionValues() {
    if (type == QuestionType.YES_NO) {
      return List.of("yes", "no");
    }
    List<String> values = new java.util.ArrayList<>(options.size() + 1);
    options.forEach(option -> values.add(option.value()));
    noneOption.ifPresent(option -> values.add(option.value()));
    return values;
  }
}

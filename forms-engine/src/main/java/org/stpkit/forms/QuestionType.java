package org.stpkit.forms;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question, by the names definitions use. */
public enum QuestionType {
  TEXT("text"),
  LONG_TEXT("long-text"),
  EMAIL("email"),
  PHONE("phone"),
  NUMBER("number"),
  MONEY("money"),
  DATE("date"),
  YES_NO("yes-no"),
  RADIOS("radios"),
  CHECKBOXES("checkboxes"),
  SELECT("select"),
  /** A select that scripts turn into accessible-autocomplete, for long lists: type to narrow the options. */
  AUTOCOMPLETE("autocomplete"),
  POSTCODE("postcode"),
  NI_NUMBER("ni-number"),
  ADDRESS("address"),
  NAME("name"),
  /** One or several files, checked by their content ({@link FileRules}). */
  FILE("file");

  private final String definitionName;

  QuestionType(String definitionName) {
    this.definitionName = definitionName;
  }

  /** The name in definitions, such as {@code long-text}. */
  public String definitionName() {
    return definitionName;
  }

  public static Optional<QuestionType> byDefinitionName(String name) {
    return Arrays.stream(values()).filter(type -> type.definitionName.equals(name)).findFirst();
  }

  /** Whether answers are chosen from options. */
  public boolean hasOptions() {
    return this == RADIOS || this == CHECKBOXES || this == SELECT || this == AUTOCOMPLETE;
  }

  /** Whether answers compare as numbers in conditions. */
  public boolean isNumeric() {
    return this == NUMBER || this == MONEY;
  }
}

package org.stpkit.forms.internal.runtime;

/**
 * An error on one question: the id of the field to move focus to from the error summary, the
 * message, and which parts of a multi-field question to mark as wrong (date day / month / year).
 */
record FieldError(String fieldId, String message, java.util.Set<String> parts) {
  FieldError(String fieldId, String message) {
    this(fieldId, message, java.util.Set.of());
  }
}

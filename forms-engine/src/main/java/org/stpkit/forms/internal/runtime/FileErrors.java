package org.stpkit.forms.internal.runtime;

import java.util.List;
import java.util.Map;
import org.stpkit.forms.FileKind;
import org.stpkit.forms.FileRules;
import org.stpkit.forms.Question;

/**
 * GOV.UK's file upload errors, from the message bundle: "The selected file must be a PDF, JPG or
 * PNG", "The selected file must be smaller than 10MB", "The selected file is empty", "The selected
 * file contains a virus", "You can only select up to 5 files at the same time". A question for
 * several files names the file instead ("passport.png must be smaller than 10MB"). The definition's
 * {@code errors} replace any of them by rule. The answer as it was (the files stored before) is kept.
 */
final class FileErrors {
  private final AnswerParser parser;
  private final Question question;
  private final Map<String, List<String>> before;

  FileErrors(AnswerParser parser, Question question, Map<String, List<String>> before) {
    this.parser = parser;
    this.question = question;
    this.before = before;
  }

  ParsedAnswer tooMany() {
    return error("maxFiles", "error.file.tooMany", String.valueOf(question.files().maxFiles()));
  }

  ParsedAnswer empty(String name) {
    return named("empty", "error.file.empty", name);
  }

  ParsedAnswer tooLarge(String name) {
    return named("fileSize", "error.file.size", name, size(question.files().maxFileSize()));
  }

  ParsedAnswer tooLargeInTotal() {
    return error("totalSize", "error.file.totalSize", size(question.files().maxTotalSize()));
  }

  /** Over the adapter's limit: the one file too large, or several too large together. */
  ParsedAnswer tooLargeToRead() {
    FileRules rules = question.files();
    return rules.multiple() ? tooLargeInTotal() : error("fileSize", "error.file.size", "", size(rules.maxFileSize()));
  }

  ParsedAnswer wrongKind(String name) {
    return named("fileType", "error.file.type", name, kinds(question.files().accept()));
  }

  ParsedAnswer virus(String name) {
    return named("virus", "error.file.virus", name);
  }

  ParsedAnswer notUploaded(String name) {
    return named("notUploaded", "error.file.notUploaded", name);
  }

  /** "PDF, JPG or PNG". */
  private String kinds(List<FileKind> accept) {
    List<String> names = accept.stream().map(FileKind::displayName).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return parser.message("file.kinds.or", String.join(", ", names.subList(0, names.size() - 1)),
        names.get(names.size() - 1));
  }

  private String size(long bytes) {
    StoredFiles.Size size = StoredFiles.size(bytes);
    return parser.message(size.key(), size.number());
  }

  /** The message about the selected file, or for several files about the one by its name ({@code .named}). */
  private ParsedAnswer named(String rule, String key, String name, Object... more) {
    Object[] arguments = new Object[more.length + 1];
    arguments[0] = name;
    System.arraycopy(more, 0, arguments, 1, more.length);
    return error(rule, question.files().multiple() ? key + ".named" : key, arguments);
  }

  private ParsedAnswer error(String rule, String key, Object... arguments) {
    return ParsedAnswer.invalid(before, new FieldError(question.name(), parser.message(question, rule, key, arguments)));
  }
}

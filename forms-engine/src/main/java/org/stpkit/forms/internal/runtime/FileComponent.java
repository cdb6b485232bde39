package org.stpkit.forms.internal.runtime;

import java.util.List;
import java.util.Map;
import org.stpkit.forms.Question;
import org.stpkit.forms.spi.UploadedFile;

/**
 * A file question as govuk-frontend's file upload component: a file input ({@code multiple} for
 * several files) that the page's form posts as {@code multipart/form-data}. A browser never shows a
 * chosen file again, so the files already uploaded are named in the hint, with a word that choosing
 * again replaces them.
 */
final class FileComponent {
  private FileComponent() {}

  static Map<String, Object> params(Map<String, Object> field, Question question, Map<String, List<String>> fields,
      Messages messages) {
    field.remove("value");
    if (question.files().multiple()) {
      field.put("multiple", true);
    }
    List<UploadedFile> uploaded = StoredFiles.decode(fields);
    if (!uploaded.isEmpty()) {
      String names = String.join("; ", uploaded.stream().map(file -> describe(file, messages)).toList());
      String note = messages.get(question.files().multiple() ? "question.file.uploadedMany" : "question.file.uploaded",
          names);
      String hint = question.hint().map(text -> text.in(messages.language()) + " " + note).orElse(note);
      field.put("hint", Map.of("text", hint));
    }
    return field;
  }

  /** "passport.pdf, 1.2MB": a file as check your answers and the hint name it. */
  static String describe(UploadedFile file, Messages messages) {
    StoredFiles.Size size = StoredFiles.size(file.size());
    return messages.get("answer.file", file.name(), messages.get(size.key(), size.number()));
  }
}

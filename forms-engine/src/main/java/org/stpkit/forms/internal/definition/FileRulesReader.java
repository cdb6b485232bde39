package org.stpkit.forms.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FileKind;
import org.stpkit.forms.FileRules;
import org.stpkit.forms.QuestionType;

/**
 * A file question's rules ({@code multiple}, {@code maxFiles}, {@code accept}, {@code maxFileSize},
 * {@code maxTotalSize}) read with their defaults, and the problems the schema cannot see: rules on
 * a question that is not a file question, limits that contradict each other or are over what a
 * form post should carry, and a file question sharing its page.
 */
final class FileRulesReader {
  private static final List<String> PROPERTIES = List.of("multiple", "maxFiles", "accept", "maxFileSize", "maxTotalSize");

  private final DefinitionDocument document;
  private final List<Problem> problems;

  FileRulesReader(DefinitionDocument document, List<Problem> problems) {
    this.document = document;
    this.problems = problems;
  }

  FileRules read(JsonNode node, String pointer, QuestionType type) {
    if (type != QuestionType.FILE) {
      for (String property : PROPERTIES) {
        if (node.has(property)) {
          problems.add(document.problem(pointer + "/" + property,
              "'" + property + "' is for file questions, not " + type.definitionName()));
        }
      }
      return FileRules.DEFAULT;
    }
    boolean multiple = node.path("multiple").asBoolean(false);
    for (String property : List.of("maxFiles", "maxTotalSize")) {
      if (!multiple && node.has(property)) {
        problems.add(document.problem(pointer + "/" + property,
            "'" + property + "' is for a file question with multiple: true; one file is limited by maxFileSize"));
      }
    }
    // YAML's numbers are read as longs: isInt() would miss them.
    int maxFiles = multiple && node.path("maxFiles").canConvertToInt() ? Math.max(1, node.path("maxFiles").asInt())
        : multiple ? FileRules.DEFAULT_MAX_FILES : 1;
    long maxFileSize = size(node, pointer, "maxFileSize").orElse(FileRules.DEFAULT_MAX_FILE_SIZE);
    long defaultTotal = Math.min(Math.multiplyExact(maxFileSize, maxFiles), Math.max(maxFileSize, FileRules.LIMIT_TOTAL_SIZE));
    long maxTotalSize = multiple ? size(node, pointer, "maxTotalSize").orElse(defaultTotal) : maxFileSize;
    if (maxTotalSize < maxFileSize) {
      problems.add(document.problem(pointer + "/maxTotalSize", "maxTotalSize is less than maxFileSize"));
      maxTotalSize = maxFileSize;
    }
    List<FileKind> accept = new ArrayList<>();
    JsonNode kinds = node.path("accept");
    for (int i = 0; i < kinds.size(); i++) {
      Optional<FileKind> kind = FileKind.byDefinitionName(kinds.get(i).asText());
      if (kind.isPresent() && accept.contains(kind.get())) {
        problems.add(document.problem(pointer + "/accept/" + i, "'" + kind.get().definitionName() + "' is listed twice"));
      }
      kind.filter(k -> !accept.contains(k)).ifPresent(accept::add);
    }
    return new FileRules(multiple, maxFiles, accept.isEmpty() ? FileRules.DEFAULT.accept() : accept, maxFileSize,
        maxTotalSize);
  }

  /** A file question goes on a page of its own: a browser cannot keep a chosen file when the page shows errors. */
  void checkAlone(JsonNode questions, String pagePointer) {
    if (questions.size() < 2) {
      return;
    }
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).path("type").asText().equals(QuestionType.FILE.definitionName())) {
        problems.add(document.problem(pagePointer + "/questions/" + i + "/type", "a file question goes on a page of"
            + " its own (GOV.UK's pattern): a browser cannot keep the chosen file when another answer has an error"));
      }
    }
  }

  /** {@code 500KB}, {@code 10MB} (the schema checks the form) in bytes, at most the limit for one question. */
  private Optional<Long> size(JsonNode node, String pointer, String property) {
    String text = node.path(property).asText("").toUpperCase(Locale.ROOT);
    if (!text.matches("[1-9][0-9]{0,6}(KB|MB)")) {
      return Optional.empty();
    }
    long bytes = Long.parseLong(text.substring(0, text.length() - 2)) * (text.endsWith("MB") ? FileRules.MB : 1024);
    if (bytes > FileRules.LIMIT_TOTAL_SIZE) {
      problems.add(document.problem(pointer + "/" + property, text + " is more than a form should take in one post"
          + " (at most 100MB): larger files need another way in"));
      return Optional.of(FileRules.LIMIT_TOTAL_SIZE);
    }
    return Optional.of(bytes);
  }
}

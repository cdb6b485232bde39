package org.stpkit.forms.internal.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.forms.FileRules;
import org.stpkit.forms.Question;
import org.stpkit.forms.spi.UploadedFile;

/**
 * How a file question's answer is kept in the session, which holds only text: one field value per
 * file, {@code id|size|sha256|contentType|name} (the name last, so that it may hold anything); and
 * the helpers that name files and sizes to people.
 */
final class StoredFiles {
  private StoredFiles() {}

  /** A size as messages write it: {@code file.size.mb} with "1.5", and so on. */
  record Size(String key, String number) {}

  static Map<String, List<String>> encode(Question question, List<UploadedFile> files) {
    List<String> values = new ArrayList<>();
    for (UploadedFile file : files) {
      values.add(file.id() + "|" + file.size() + "|" + file.sha256() + "|" + file.contentType() + "|" + file.name());
    }
    return Map.of(question.name(), List.copyOf(values));
  }

  /** The files a question's stored fields name; values that are not files (hand-made posts) are skipped. */
  static List<UploadedFile> decode(Map<String, List<String>> fields) {
    List<UploadedFile> files = new ArrayList<>();
    for (List<String> values : fields.values()) {
      for (String value : values) {
        decodeOne(value).ifPresent(files::add);
      }
    }
    // Unmodifiable: a typed answer may be shared between requests (ParsedAnswerCache).
    return List.copyOf(files);
  }

  private static Optional<UploadedFile> decodeOne(String value) {
    String[] parts = value.split("\\|", 5);
    if (parts.length != 5 || !parts[1].matches("[0-9]{1,12}") || !parts[2].matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    return Optional.of(new UploadedFile(parts[0], parts[4], parts[3], Long.parseLong(parts[1]), parts[2]));
  }

  /** Every uploaded file among typed answers, those in a repeating section's items too. */
  static List<UploadedFile> in(Map<String, Object> answers) {
    List<UploadedFile> files = new ArrayList<>();
    for (Object value : answers.values()) {
      collect(value, files);
    }
    return files;
  }

  private static void collect(Object value, List<UploadedFile> files) {
    if (value instanceof UploadedFile file) {
      files.add(file);
    } else if (value instanceof List<?> list) {
      list.forEach(item -> collect(item, files));
    } else if (value instanceof Map<?, ?> item) {
      item.values().forEach(answer -> collect(answer, files));
    }
  }

  /**
   * The name to show for a file: without any folder (old browsers sent the whole path), without
   * control characters, at most 200 characters. Never used as a path.
   */
  static String cleanName(String fileName) {
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.codePointCount(0, name.length()) > 200) {
      name = name.substring(0, name.offsetByCodePoints(0, 200));
    }
    return name.isEmpty() ? "file" : name;
  }

  /** A size in MB (1,048,576 bytes) or KB to one decimal place, as GOV.UK writes it ("10MB"). */
  static Size size(long bytes) {
    if (bytes >= FileRules.MB) {
      return new Size("file.size.mb", oneDecimal(bytes, FileRules.MB));
    }
    if (bytes >= 1024) {
      return new Size("file.size.kb", oneDecimal(bytes, 1024));
    }
    return new Size("file.size.bytes", String.valueOf(bytes));
  }

  private static String oneDecimal(long bytes, long unit) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}

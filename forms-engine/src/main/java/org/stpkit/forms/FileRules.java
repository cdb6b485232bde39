package org.stpkit.forms;

import java.util.List;

/**
 * What a file question accepts: one file or several, of which kinds, and how large.
 *
 * @param multiple whether the user may choose several files at once
 * @param maxFiles the most files (1 unless {@code multiple})
 * @param accept the kinds of file accepted, recognised by content
 * @param maxFileSize the largest file, in bytes
 * @param maxTotalSize the most all of the question's files may add up to, in bytes
 */
public record FileRules(boolean multiple, int maxFiles, List<FileKind> accept, long maxFileSize, long maxTotalSize) {
  /** 1,048,576 bytes: sizes in definitions ({@code 10MB}) and in messages count in these. */
  public static final long MB = 1024L * 1024L;
  /** The largest file when a definition gives no {@code maxFileSize}: 10MB. */
  public static final long DEFAULT_MAX_FILE_SIZE = 10 * MB;
  /** The most files of a {@code multiple} question that gives no {@code maxFiles}. */
  public static final int DEFAULT_MAX_FILES = 5;
  /** The largest total a definition may allow one question: larger uploads need another route than a form post. */
  public static final long LIMIT_TOTAL_SIZE = 100 * MB;
  /** The rules of a question that is not a file question, and of a file question that gives none. */
  public static final FileRules DEFAULT = new FileRules(false, 1, List.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG),
      DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE);

  public FileRules {
    accept = List.copyOf(accept);
    if (maxFiles < 1 || !multiple && maxFiles != 1) {
      throw new IllegalArgumentException("maxFiles must be 1 for one file, and at least 1 for several: " + maxFiles);
    }
    if (accept.isEmpty()) {
      throw new IllegalArgumentException("accept must name at least one kind of file");
    }
    if (maxFileSize < 1 || maxTotalSize < maxFileSize) {
      throw new IllegalArgumentException("sizes must be positive, the total at least the largest file: " + maxFileSize
          + ", " + maxTotalSize);
    }
  }
}

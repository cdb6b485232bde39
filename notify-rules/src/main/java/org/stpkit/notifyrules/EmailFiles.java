package org.stpkit.notifyrules;

import java.util.Locale;
import java.util.Set;

/**
 * What Notify accepts as a file sent by email (a link in the email; the file in a personalisation
 * value): at most 2 MB, a filename with one of the supported extensions, kept for 1 to 78 weeks
 * (26 by default), and by default shown only after the recipient confirms their email address.
 */
public final class EmailFiles {
  /** Notify's limit on a file's size, in bytes. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  /** Notify keeps a file for 26 weeks unless told otherwise. */
  public static final int DEFAULT_RETENTION_WEEKS = 26;
  public static final int MIN_RETENTION_WEEKS = 1;
  public static final int MAX_RETENTION_WEEKS = 78;
  /** The file types Notify lets a service send by email. */
  public static final Set<String> EXTENSIONS = Set.of("pdf", "csv", "txt", "doc", "docx", "xlsx", "odt", "rtf", "json");

  private EmailFiles() {}

  /** The first rule a file breaks, or empty when Notify would take it. */
  public static Checked<String> check(String filename, long sizeBytes, int retentionWeeks) {
    int dot = filename.lastIndexOf('.');
    if (filename.isBlank() || dot <= 0 || dot == filename.length() - 1) {
      return Checked.refused(Refusal.FILE_NAME);
    }
    if (!EXTENSIONS.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return Checked.refused(Refusal.FILE_TYPE);
    }
    if (sizeBytes > MAX_BYTES) {
      return Checked.refused(Refusal.FILE_TOO_LARGE);
    }
    if (retentionWeeks < MIN_RETENTION_WEEKS || retentionWeeks > MAX_RETENTION_WEEKS) {
      return Checked.refused(Refusal.RETENTION_PERIOD);
    }
    return Checked.valid(filename);
  }

  /** The retention period as Notify's API writes it: {@code "26 weeks"}, {@code "1 week"}. */
  public static String retentionPeriod(int weeks) {
    return weeks + (weeks == 1 ? " week" : " weeks");
  }
}

package org.stpkit.notifysimulator;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file sent by email (a {@code {"file": ...}} personalisation value) as the simulator received
 * it, with Notify's defaults filled in.
 *
 * @param filename the name given, if any
 * @param confirmEmailBeforeDownload whether the recipient must confirm their email address first
 *     (Notify's default: yes)
 * @param retentionWeeks how long Notify keeps it (Notify's default: 26 weeks)
 * @param link the link Notify puts in the email in the file's place
 */
public record SimulatedFile(Optional<String> filename, byte[] content, boolean confirmEmailBeforeDownload,
    int retentionWeeks, String link) {
  public SimulatedFile {
    Objects.requireNonNull(filename, "filename");
    content = content.clone();
    Objects.requireNonNull(link, "link");
  }

  /** The file's bytes (a copy). */
  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SimulatedFile file && filename.equals(file.filename) && Arrays.equals(content, file.content)
        && confirmEmailBeforeDownload == file.confirmEmailBeforeDownload && retentionWeeks == file.retentionWeeks
        && link.equals(file.link);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, Arrays.hashCode(content), confirmEmailBeforeDownload, retentionWeeks, link);
  }

  @Override
  public String toString() {
    return "SimulatedFile[" + filename.orElse("(no name)") + ", " + content.length + " bytes, confirm email: "
        + confirmEmailBeforeDownload + ", " + retentionWeeks + " weeks, " + link + "]";
  }
}
